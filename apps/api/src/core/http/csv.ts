/**
 * RFC 4180 CSV with CRLF line ends. Arrays become "a; b"; cells a spreadsheet would evaluate as a
 * formula (starting with = + - @ tab or CR) get a leading apostrophe (CSV injection).
 */
export function toCsv<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const cell = (value: unknown) => {
    let text = Array.isArray(value) ? value.join('; ') : value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\r\n') + '\r\n';
}
