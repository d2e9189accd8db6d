// A file's size as a person reads it, in the language's number format: "5,4 kB", "1,2 MB" (da) / "5.4 kB" (en).
// Used by the attempt log (uploaded PDFs), the Support page and the CLI (the support file).
export function formatFileSize(bytes: number, lang: 'da' | 'en'): string {
  const number = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} kB` : `${number.format(bytes / 1024 / 1024)} MB`;
}
