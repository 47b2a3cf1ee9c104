/** A record of a CSV file and the line it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Reads CSV as RFC 4180 defines it: fields separated by commas, records by CRLF or LF; a field
 * in double quotes may hold commas, line breaks and doubled quotes (""). A leading UTF-8 byte
 * order mark (Excel writes one) is skipped, and blank lines are ignored. Small enough to own
 * rather than add a dependency for the one file format the registry comes in.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const character = text[i];
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (character === '"') {
        quoted = false;
      } else {
        if (character === '\n') line++;
        field += character;
      }
    } else if (character === '"' && field === '') {
      quoted = true;
    } else if (character === ',') {
      fields.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += character;
    }
  }
  if (quoted) throw new Error(`CSV: a quoted field opened on line ${recordLine} never closes`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
