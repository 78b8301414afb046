// CSV that opens cleanly in a spreadsheet (RFC 4180 quoting, CRLF line ends) and cannot run
// formulas: csv-stringify's `escape_formulas` gives a leading apostrophe to a text cell that
// starts with = + - @ tab or carriage return (or their full-width forms), which Excel,
// LibreOffice, Google Sheets and Numbers would run. Numbers are written as numbers (they
// cannot carry a formula, and a negative gain must stay a number).
import { stringify, type Options } from "csv-stringify/sync";

export type CsvValue = string | number | boolean | null | undefined | Date;

const OPTIONS: Options = {
  escape_formulas: true,
  record_delimiter: "windows",
  quote_record_delimiter: true, // quote a cell with any line break, not only CRLF
  cast: {
    number: (n) => (Number.isFinite(n) ? String(n) : ""),
    boolean: (b) => String(b),
    date: (d) => d.toISOString(),
  },
};

/** Rows as CSV text, each ending in CRLF. */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows as CsvValue[][], OPTIONS);
}
