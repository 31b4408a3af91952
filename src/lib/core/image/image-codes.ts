import type { ErrorEntry } from '../error-text';

/** Error codes raised by the image layer, with their user text (English and French). */
export const IMAGE_ERRORS = {
  IMAGE_TRUNCATED: {
    en: {
      summary: 'The firmware file is shorter than its own header says.',
      diagnosis: 'The download or copy was cut short, or the file is not a complete MCUboot image.',
      fix: 'Download the firmware again from a trusted source and check its size.'
    },
    fr: {
      summary: "Le fichier du firmware est plus court que ne l'annonce son en-tête.",
      diagnosis: "Le téléchargement ou la copie a été interrompu, ou ce n'est pas une image MCUboot complète.",
      fix: 'Téléchargez de nouveau le firmware depuis une source de confiance et vérifiez sa taille.'
    }
  },
  IMAGE_BAD_MAGIC: {
    en: {
      summary: 'This file is not an MCUboot firmware image.',
      diagnosis: 'The first four bytes are not the MCUboot image magic: it may be a raw .bin, a .hex or another format.',
      fix: 'Choose the signed image (.img / signed .bin) produced by the build, or sign the raw binary first.'
    },
    fr: {
      summary: "Ce fichier n'est pas une image de firmware MCUboot.",
      diagnosis: "Les quatre premiers octets ne sont pas le nombre magique MCUboot : c'est peut-être un .bin brut, un .hex ou un autre format.",
      fix: "Choisissez l'image signée (.img / .bin signé) produite par la compilation, ou signez d'abord le binaire brut."
    }
  },
  IMAGE_BAD_HEADER: {
    en: {
      summary: 'The image header has inconsistent sizes.',
      diagnosis: 'Header, payload and TLV sizes do not fit together; the file is damaged or was not made by imgtool.',
      fix: 'Rebuild and re-sign the image, or download it again from a trusted source.'
    },
    fr: {
      summary: "L'en-tête de l'image contient des tailles incohérentes.",
      diagnosis: "Les tailles de l'en-tête, des données et des TLV ne concordent pas ; le fichier est abîmé ou n'a pas été produit par imgtool.",
      fix: "Recompilez et signez de nouveau l'image, ou téléchargez-la de nouveau depuis une source de confiance."
    }
  },
  IMAGE_TLV_CORRUPT: {
    en: {
      summary: 'The metadata area (TLVs) after the firmware is damaged.',
      diagnosis: 'A TLV area marker or length is wrong, so hash and signature cannot be located reliably.',
      fix: 'Download the firmware again from a trusted source; if it persists, re-sign it with imgtool or bms-flasher.'
    },
    fr: {
      summary: 'La zone de métadonnées (TLV) après le firmware est endommagée.',
      diagnosis: "Un marqueur ou une longueur de zone TLV est faux : l'empreinte et la signature ne peuvent pas être localisées de façon sûre.",
      fix: 'Téléchargez de nouveau le firmware depuis une source de confiance ; si cela persiste, signez-le de nouveau avec imgtool ou bms-flasher.'
    }
  },
  IMAGE_NO_HASH: {
    en: {
      summary: 'The image carries no SHA-256 hash, so its integrity cannot be checked.',
      diagnosis: 'MCUboot needs a SHA-256 TLV; this image has none (or only SHA-384/512, which this tool does not check).',
      fix: 'Sign the image with the default SHA-256 hash (imgtool sign or bms-flasher sign).'
    },
    fr: {
      summary: "L'image ne contient aucune empreinte SHA-256 : son intégrité ne peut pas être vérifiée.",
      diagnosis: "MCUboot exige un TLV SHA-256 ; cette image n'en a pas (ou seulement SHA-384/512, que cet outil ne vérifie pas).",
      fix: "Signez l'image avec l'empreinte SHA-256 par défaut (imgtool sign ou bms-flasher sign)."
    }
  },
  IMAGE_HASH_MISMATCH: {
    en: {
      summary: 'The firmware checksum does not match: the file is corrupted or was modified.',
      diagnosis: 'The SHA-256 computed over header, firmware and protected metadata differs from the one stored in the image.',
      fix: 'Do not install it. Download the firmware again from a trusted source.'
    },
    fr: {
      summary: "L'empreinte du firmware ne correspond pas : le fichier est corrompu ou a été modifié.",
      diagnosis: "Le SHA-256 calculé sur l'en-tête, le firmware et les métadonnées protégées diffère de celui enregistré dans l'image.",
      fix: "Ne l'installez pas. Téléchargez de nouveau le firmware depuis une source de confiance."
    }
  },
  IMAGE_UNSIGNED: {
    en: {
      summary: 'The image is not signed.',
      diagnosis: 'It carries a hash but no Ed25519 signature, so its origin cannot be proven.',
      fix: 'Use the signed release from the manufacturer, or sign it with a trusted key (bms-flasher sign --key).'
    },
    fr: {
      summary: "L'image n'est pas signée.",
      diagnosis: "Elle contient une empreinte mais aucune signature Ed25519 : son origine ne peut pas être prouvée.",
      fix: 'Utilisez la version signée du fabricant, ou signez-la avec une clé de confiance (bms-flasher sign --key).'
    }
  },
  IMAGE_UNKNOWN_KEY: {
    en: {
      summary: 'The image was signed with a key that is not in the trusted key list.',
      diagnosis: 'Authentication rejected: check the certificate / key chain. The signer key hash matches none of the trusted keys.',
      fix: 'Re-download the firmware from a trusted source, or add the publisher key to the trusted keys if you trust it.'
    },
    fr: {
      summary: "L'image a été signée avec une clé absente de la liste des clés de confiance.",
      diagnosis: "Authentification refusée : vérifiez le certificat / la chaîne de clés. L'empreinte de la clé du signataire ne correspond à aucune clé de confiance.",
      fix: "Téléchargez de nouveau le firmware depuis une source de confiance, ou ajoutez la clé de l'éditeur aux clés de confiance si vous lui faites confiance."
    }
  },
  IMAGE_SIGNATURE_INVALID: {
    en: {
      summary: 'The image signature is invalid.',
      diagnosis: 'Authentication rejected: the signature does not match the image hash for the trusted key, so the file was altered or mis-signed.',
      fix: 'Do not install it. Re-download the firmware from a trusted source.'
    },
    fr: {
      summary: "La signature de l'image est invalide.",
      diagnosis: "Authentification refusée : la signature ne correspond pas à l'empreinte de l'image pour la clé de confiance ; le fichier a été modifié ou mal signé.",
      fix: "Ne l'installez pas. Téléchargez de nouveau le firmware depuis une source de confiance."
    }
  },
  IMAGE_SIGNATURE_UNSUPPORTED: {
    en: {
      summary: 'The image is signed with an algorithm this tool does not check.',
      diagnosis: 'Only Ed25519 signatures are verified; this image carries RSA, ECDSA or a "pure" signature.',
      fix: 'Ask the publisher for the Ed25519-signed release, or re-sign it with an Ed25519 key.'
    },
    fr: {
      summary: "L'image est signée avec un algorithme que cet outil ne vérifie pas.",
      diagnosis: 'Seules les signatures Ed25519 sont vérifiées ; cette image porte une signature RSA, ECDSA ou « pure ».',
      fix: "Demandez à l'éditeur la version signée Ed25519, ou signez-la de nouveau avec une clé Ed25519."
    }
  },
  IMAGE_ENCRYPTED_UNSUPPORTED: {
    en: {
      summary: 'The image is encrypted; this tool cannot check it before transfer.',
      diagnosis: 'Its hash covers the decrypted firmware, which only the bootloader can reconstruct.',
      fix: 'Use the unencrypted signed image for tool-side checks, or flash it with the vendor tool that handles encryption.'
    },
    fr: {
      summary: "L'image est chiffrée ; cet outil ne peut pas la vérifier avant le transfert.",
      diagnosis: 'Son empreinte porte sur le firmware déchiffré, que seul le bootloader peut reconstituer.',
      fix: "Utilisez l'image signée non chiffrée pour les vérifications, ou flashez-la avec l'outil du fabricant qui gère le chiffrement."
    }
  },
  IMAGE_FILE_EMPTY: {
    en: {
      summary: 'The chosen file is empty.',
      diagnosis: 'It has 0 bytes: the download or the copy did not finish, or the wrong file was picked.',
      fix: 'Download the firmware again from a trusted source and pick the .bin file it gives.'
    },
    fr: {
      summary: 'Le fichier choisi est vide.',
      diagnosis: "Il fait 0 octet : le téléchargement ou la copie n'a pas abouti, ou ce n'est pas le bon fichier.",
      fix: 'Téléchargez de nouveau le firmware depuis une source de confiance et choisissez le fichier .bin obtenu.'
    }
  },
  IMAGE_FILE_TOO_LARGE: {
    en: {
      summary: 'The chosen file is far too large to be BMS firmware; it was not read.',
      diagnosis: 'No BMS firmware slot holds more than 16 MiB; this is another kind of file (a disk image, a video, an archive).',
      fix: 'Pick the signed firmware image (.bin) published for this BMS model.'
    },
    fr: {
      summary: "Le fichier choisi est bien trop gros pour être un firmware de BMS ; il n'a pas été lu.",
      diagnosis: "Aucun emplacement de firmware de BMS ne dépasse 16 Mio ; c'est un autre type de fichier (image disque, vidéo, archive).",
      fix: "Choisissez l'image de firmware signée (.bin) publiée pour ce modèle de BMS."
    }
  },
  IMAGE_TOO_LARGE: {
    en: {
      summary: 'The image does not fit in the firmware slot.',
      diagnosis: 'Image plus the MCUboot trailer is larger than the slot size.',
      fix: 'Check the slot size for this BMS model, or build a smaller firmware.'
    },
    fr: {
      summary: "L'image ne tient pas dans l'emplacement du firmware.",
      diagnosis: "L'image plus la zone de fin MCUboot dépasse la taille de l'emplacement.",
      fix: 'Vérifiez la taille de l’emplacement pour ce modèle de BMS, ou compilez un firmware plus petit.'
    }
  },
  IMAGE_BAD_METADATA: {
    en: {
      summary: 'The BMS metadata in the image (model, hardware revisions, bootloader, safety flag) is malformed.',
      diagnosis: 'A BMS metadata TLV has the wrong length or content, so compatibility cannot be checked.',
      fix: 'Re-sign the image with valid metadata (bms-flasher sign --model --hw-rev --min-bootloader).'
    },
    fr: {
      summary: "Les métadonnées BMS de l'image (modèle, révisions matérielles, bootloader, drapeau sécurité) sont mal formées.",
      diagnosis: 'Un TLV de métadonnées BMS a une longueur ou un contenu incorrect : la compatibilité ne peut pas être vérifiée.',
      fix: "Signez de nouveau l'image avec des métadonnées valides (bms-flasher sign --model --hw-rev --min-bootloader)."
    }
  },
  IMAGE_HEX_INVALID: {
    en: {
      summary: 'The Intel HEX file is invalid.',
      diagnosis: 'A record is malformed, has a wrong checksum, overlaps another, or the file has no end record.',
      fix: 'Export the firmware again from the build (or use the .bin output).'
    },
    fr: {
      summary: 'Le fichier Intel HEX est invalide.',
      diagnosis: "Un enregistrement est mal formé, a une somme de contrôle fausse, en chevauche un autre, ou il manque l'enregistrement de fin.",
      fix: 'Exportez de nouveau le firmware depuis la compilation (ou utilisez la sortie .bin).'
    }
  },
  IMAGE_KEY_INVALID: {
    en: {
      summary: 'The key file cannot be read.',
      diagnosis: 'It is not a PEM Ed25519 key (PKCS#8 "PRIVATE KEY" or SPKI "PUBLIC KEY"), or it is damaged or password-protected.',
      fix: 'Use a key made by `bms-flasher keygen` or `imgtool keygen -t ed25519` (without password).'
    },
    fr: {
      summary: 'Le fichier de clé est illisible.',
      diagnosis: "Ce n'est pas une clé Ed25519 PEM (PKCS#8 « PRIVATE KEY » ou SPKI « PUBLIC KEY »), ou elle est endommagée ou protégée par mot de passe.",
      fix: 'Utilisez une clé créée par `bms-flasher keygen` ou `imgtool keygen -t ed25519` (sans mot de passe).'
    }
  },
  IMAGE_KEY_UNSUPPORTED: {
    en: {
      summary: 'The key type is not supported; only Ed25519 keys are.',
      diagnosis: 'The PEM holds another algorithm (for example ECDSA P-256 or RSA).',
      fix: 'Create an Ed25519 key (`bms-flasher keygen`) and sign with it.'
    },
    fr: {
      summary: "Ce type de clé n'est pas pris en charge ; seules les clés Ed25519 le sont.",
      diagnosis: 'Le PEM contient un autre algorithme (par exemple ECDSA P-256 ou RSA).',
      fix: 'Créez une clé Ed25519 (`bms-flasher keygen`) et signez avec elle.'
    }
  },
  IMAGE_VERSION_INVALID: {
    en: {
      summary: 'The version number is invalid.',
      diagnosis: 'Versions are major.minor.revision+build with major/minor ≤ 255, revision ≤ 65535, build ≤ 4294967295.',
      fix: 'Write it like 1.2.3+4 (later parts optional).'
    },
    fr: {
      summary: 'Le numéro de version est invalide.',
      diagnosis: 'Une version s’écrit majeur.mineur.révision+build avec majeur/mineur ≤ 255, révision ≤ 65535, build ≤ 4294967295.',
      fix: 'Écrivez-la comme 1.2.3+4 (les dernières parties sont facultatives).'
    }
  },
  IMAGE_OPTION_INVALID: {
    en: {
      summary: 'A signing option is invalid.',
      diagnosis: 'Header size, alignment, slot size, security counter or padding options are out of range or inconsistent.',
      fix: 'Use the same values as imgtool for this board (e.g. --header-size 0x200 --align 4 --slot-size <slot>).'
    },
    fr: {
      summary: 'Une option de signature est invalide.',
      diagnosis: "La taille d'en-tête, l'alignement, la taille d'emplacement, le compteur de sécurité ou le remplissage sont hors limites ou incohérents.",
      fix: "Utilisez les mêmes valeurs qu'imgtool pour cette carte (ex. --header-size 0x200 --align 4 --slot-size <taille>)."
    }
  }
} satisfies Record<string, ErrorEntry>;

export type ImageErrorCode = keyof typeof IMAGE_ERRORS;
