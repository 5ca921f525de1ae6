import { checkCsvRows, CsvInvalidError, parseOfficeCsv } from './post-office-csv';

const HEADER = 'code,name,address,commune_code,lat,lng,phone,opening_hours,daily_capacity,active,serves';
const known = (c: string) => ['23575', '23584', '21583'].includes(c);

function errorsOf(fn: () => unknown): Array<{ line: number; field?: string; message: string }> {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CsvInvalidError);
    return ((err as CsvInvalidError).details as { errors: never }).errors;
  }
  throw new Error('no CsvInvalidError');
}

describe('post office CSV', () => {
  it('reads comma, semicolon and tab separated files with a BOM and CRLF, each line with its number', () => {
    for (const sep of [',', ';', '\t']) {
      const csv = `\ufeff${HEADER.split(',').join(sep)}\r\nA1${sep}Bưu cục${sep}Số 1${sep}23575${sep}13.9${sep}108${sep}${sep}${sep}${sep}${sep}\r\n\r\nA2${sep}Bưu cục 2${sep}Số 2${sep}23584${sep}13.9${sep}108${sep}${sep}${sep}${sep}${sep}\r\n`;
      const rows = parseOfficeCsv(csv);
      expect(rows.map((r) => [r.line, r.record.code])).toEqual([
        [2, 'A1'],
        [4, 'A2'],
      ]);
    }
  });

  it('checks every line and lists every problem with its line, duplicate codes (any case) included', () => {
    const rows = parseOfficeCsv(
      [
        HEADER,
        'A1,Bưu cục,Số 1,23575,13.9,108,,,,,23584',
        'a1,Bưu cục,Số 1,23575,13.9,108,,,,,',
        'B1,XX,Số 1,99999,13.9,200,12345,,-1,maybe,',
      ].join('\n'),
    );
    const errors = errorsOf(() => checkCsvRows(rows, known));
    expect(errors.map((e) => `${e.line}:${e.field}`)).toEqual([
      '3:code',
      '4:communeCode',
      '4:lng',
      '4:phone',
      '4:dailyCapacity',
      '4:active',
    ]);
    expect(errors[0].message).toMatch(/duplicate code "a1" \(already on line 2\)/);
  });

  it('gives the clean offices of a good file (defaults filled, own commune served)', () => {
    const rows = parseOfficeCsv(
      `${HEADER}\nA1,Bưu cục,Số 1,23575,"13,9",108,0269 3824 444,T7 07:00-11:30,12,không,23584;21583`,
    );
    expect(checkCsvRows(rows, known)).toEqual([
      {
        code: 'A1',
        name: 'Bưu cục',
        address: 'Số 1',
        communeCode: '23575',
        lat: 13.9,
        lng: 108,
        phone: '+842693824444',
        openingHours: { sat: [['07:00', '11:30']] },
        dailyCapacity: 12,
        active: false,
        serviceArea: ['23575', '23584', '21583'],
      },
    ]);
  });

  it.each([
    ['a missing column', 'code,name,address,lat,lng\nA1,X,Y,13.9,108', /missing column\(s\) commune_code/],
    ['an unknown column', `${HEADER},colour\nA1,B,C,23575,13.9,108,,,,,,red`, /unknown column\(s\) colour/],
    ['no data line', HEADER, /no data lines/],
    ['unbalanced quotes', `${HEADER}\nA1,"X,Y,23575,13.9,108,,,,,`, /unreadable CSV/],
  ])('refuses %s on line 1 or where it broke', (_name, csv, message) => {
    const [first] = errorsOf(() => parseOfficeCsv(csv));
    expect(first.message).toMatch(message);
  });

  it('says "nothing was imported" and how many more problems there are', () => {
    const err = new CsvInvalidError([
      { line: 3, message: 'bad' },
      { line: 4, message: 'worse' },
      { line: 5, message: 'worst' },
    ]);
    expect(err.message).toBe('CSV line 3: bad (and 2 more problems). Nothing was imported.');
    expect(err.status).toBe(400);
  });
});
