/** What a user reads about an error code: one line, what to check, what to do. */
export interface ErrorText {
  summary: string;
  diagnosis: string;
  fix: string;
}

/** Every code has English and French text (the seed procedure comes from French technicians). */
export interface ErrorEntry {
  en: ErrorText;
  fr: ErrorText;
}
