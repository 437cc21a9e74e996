/** Above this, many mail servers refuse a message: the `--eml` warning's threshold and `--mail`'s default limit. */
export const mailSizeLimit = 10 * 1024 * 1024;

/** A size for people: `812.4 kB`, `10.0 MB`. */
export function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
