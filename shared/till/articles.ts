// What an import of products takes at most: 2,000,000 characters of CSV (some 40,000 products). The contract's
// schema, the importer in main and the screen that reads the file all hold to this one figure.
export const MAX_ARTICLE_IMPORT_CHARS = 2_000_000;
