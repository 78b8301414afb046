// CSV that opens cleanly in a spreadsheet (RFC 4180 quoting, CRLF line ends) and cannot run
// formulas: a text cell starting with = + - @ tab or carriage return is what Excel, LibreOffice
// and Google Sheets treat as a formula, so it gets a leading apostrophe. Numbers are written
// as numbers (they cannot carry a formula, and a negative gain must stay a number).

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined | Date;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
