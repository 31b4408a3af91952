/** What a user reads about an error code: one line, what to check, what to do. */
export interface ErrorText {
  summary: string;
  diagnosis: string;
  fix: string;
}
