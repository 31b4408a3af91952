import type { ImageErrorCode } from '../../../core/image/image-codes';
import type { ErrorText } from '../../error-text';

export const imageFr = {
  IMAGE_TRUNCATED: {
    summary: "Le fichier du firmware est plus court que ne l'annonce son en-tête.",
    diagnosis: "Le téléchargement ou la copie a été interrompu, ou ce n'est pas une image MCUboot complète.",
    fix: 'Téléchargez de nouveau le firmware depuis une source de confiance et vérifiez sa taille.'
  },
  IMAGE_CATALOG_INVALID: {
    summary: 'Le catalogue de firmwares est illisible.',
    diagnosis: "Le fichier catalogue livré avec l'application n'est pas un catalogue de firmwares bms-flasher (mauvais format, ou pas du JSON) : aucune image ne peut en être proposée.",
    fix: "Rechargez la page ; si cela persiste, le site a été publié avec un catalogue abîmé : ouvrez plutôt un fichier image et prévenez l'exploitant du site."
  },
  IMAGE_BAD_MAGIC: {
    summary: "Ce fichier n'est pas une image de firmware MCUboot.",
    diagnosis: "Les quatre premiers octets ne sont pas le nombre magique MCUboot : c'est peut-être un .bin brut, un .hex ou un autre format.",
    fix: "Choisissez l'image signée (.img / .bin signé) produite par la compilation, ou signez d'abord le binaire brut."
  },
  IMAGE_BAD_HEADER: {
    summary: "L'en-tête de l'image contient des tailles incohérentes.",
    diagnosis: "Les tailles de l'en-tête, des données et des TLV ne concordent pas ; le fichier est abîmé ou n'a pas été produit par imgtool.",
    fix: "Recompilez et signez de nouveau l'image, ou téléchargez-la de nouveau depuis une source de confiance."
  },
  IMAGE_TLV_CORRUPT: {
    summary: 'La zone de métadonnées (TLV) après le firmware est endommagée.',
    diagnosis: "Un marqueur ou une longueur de zone TLV est faux : l'empreinte et la signature ne peuvent pas être localisées de façon sûre.",
    fix: 'Téléchargez de nouveau le firmware depuis une source de confiance ; si cela persiste, signez-le de nouveau avec imgtool ou bms-flasher.'
  },
  IMAGE_NO_HASH: {
    summary: "L'image ne contient aucune empreinte SHA-256 : son intégrité ne peut pas être vérifiée.",
    diagnosis: "MCUboot exige un TLV SHA-256 ; cette image n'en a pas (ou seulement SHA-384/512, que cet outil ne vérifie pas).",
    fix: "Signez l'image avec l'empreinte SHA-256 par défaut (imgtool sign ou bms-flasher sign)."
  },
  IMAGE_HASH_MISMATCH: {
    summary: "L'empreinte du firmware ne correspond pas : le fichier est corrompu ou a été modifié.",
    diagnosis: "Le SHA-256 calculé sur l'en-tête, le firmware et les métadonnées protégées diffère de celui enregistré dans l'image.",
    fix: "Ne l'installez pas. Téléchargez de nouveau le firmware depuis une source de confiance."
  },
  IMAGE_UNSIGNED: {
    summary: "L'image n'est pas signée.",
    diagnosis: 'Elle contient une empreinte mais aucune signature Ed25519 : son origine ne peut pas être prouvée.',
    fix: 'Utilisez la version signée du fabricant, ou signez-la avec une clé de confiance (bms-flasher sign --key).'
  },
  IMAGE_UNKNOWN_KEY: {
    summary: "L'image a été signée avec une clé absente de la liste des clés de confiance.",
    diagnosis: "Authentification refusée : vérifiez le certificat / la chaîne de clés. L'empreinte de la clé du signataire ne correspond à aucune clé de confiance.",
    fix: "Téléchargez de nouveau le firmware depuis une source de confiance, ou ajoutez la clé de l'éditeur aux clés de confiance si vous lui faites confiance."
  },
  IMAGE_SIGNATURE_INVALID: {
    summary: "La signature de l'image est invalide.",
    diagnosis: "Authentification refusée : la signature ne correspond pas à l'empreinte de l'image pour la clé de confiance ; le fichier a été modifié ou mal signé.",
    fix: "Ne l'installez pas. Téléchargez de nouveau le firmware depuis une source de confiance."
  },
  IMAGE_SIGNATURE_UNSUPPORTED: {
    summary: "L'image est signée avec un algorithme que cet outil ne vérifie pas.",
    diagnosis: 'Seules les signatures Ed25519 sont vérifiées ; cette image porte une signature RSA, ECDSA ou « pure ».',
    fix: "Demandez à l'éditeur la version signée Ed25519, ou signez-la de nouveau avec une clé Ed25519."
  },
  IMAGE_ENCRYPTED_UNSUPPORTED: {
    summary: "L'image est chiffrée ; cet outil ne peut pas la vérifier avant le transfert.",
    diagnosis: 'Son empreinte porte sur le firmware déchiffré, que seul le bootloader peut reconstituer.',
    fix: "Utilisez l'image signée non chiffrée pour les vérifications, ou flashez-la avec l'outil du fabricant qui gère le chiffrement."
  },
  IMAGE_TOO_LARGE: {
    summary: "L'image ne tient pas dans l'emplacement du firmware.",
    diagnosis: "L'image plus la zone de fin MCUboot dépasse la taille de l'emplacement.",
    fix: 'Vérifiez la taille de l’emplacement pour ce modèle de BMS, ou compilez un firmware plus petit.'
  },
  IMAGE_BAD_METADATA: {
    summary: "Les métadonnées BMS de l'image (modèle, révisions matérielles, bootloader, drapeau sécurité) sont mal formées.",
    diagnosis: 'Un TLV de métadonnées BMS a une longueur ou un contenu incorrect : la compatibilité ne peut pas être vérifiée.',
    fix: "Signez de nouveau l'image avec des métadonnées valides (bms-flasher sign --model --hw-rev --min-bootloader)."
  },
  IMAGE_HEX_INVALID: {
    summary: 'Le fichier Intel HEX est invalide.',
    diagnosis: "Un enregistrement est mal formé, a une somme de contrôle fausse, en chevauche un autre, ou il manque l'enregistrement de fin.",
    fix: 'Exportez de nouveau le firmware depuis la compilation (ou utilisez la sortie .bin).'
  },
  IMAGE_KEY_INVALID: {
    summary: 'Le fichier de clé est illisible.',
    diagnosis: "Ce n'est pas une clé Ed25519 PEM (PKCS#8 « PRIVATE KEY » ou SPKI « PUBLIC KEY »), ou elle est endommagée ou protégée par mot de passe.",
    fix: 'Utilisez une clé créée par `bms-flasher keygen` ou `imgtool keygen -t ed25519` (sans mot de passe).'
  },
  IMAGE_KEY_UNSUPPORTED: {
    summary: "Ce type de clé n'est pas pris en charge ; seules les clés Ed25519 le sont.",
    diagnosis: 'Le PEM contient un autre algorithme (par exemple ECDSA P-256 ou RSA).',
    fix: 'Créez une clé Ed25519 (`bms-flasher keygen`) et signez avec elle.'
  },
  IMAGE_VERSION_INVALID: {
    summary: 'Le numéro de version est invalide.',
    diagnosis: 'Une version s’écrit majeur.mineur.révision+build avec majeur/mineur ≤ 255, révision ≤ 65535, build ≤ 4294967295.',
    fix: 'Écrivez-la comme 1.2.3+4 (les dernières parties sont facultatives).'
  },
  IMAGE_OPTION_INVALID: {
    summary: 'Une option de signature est invalide.',
    diagnosis: "La taille d'en-tête, l'alignement, la taille d'emplacement, le compteur de sécurité ou le remplissage sont hors limites ou incohérents.",
    fix: "Utilisez les mêmes valeurs qu'imgtool pour cette carte (ex. --header-size 0x200 --align 4 --slot-size <taille>)."
  }
} satisfies Record<ImageErrorCode, ErrorText>;
