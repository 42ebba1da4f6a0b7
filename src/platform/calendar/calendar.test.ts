import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LunarDate } from '@nghiavuive/lunar_date_vi';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../text/csv.ts';
import { CalendarRangeError, statutoryHolidays } from './holidays.ts';
import { LUNAR_TABLE_FILE, lunarHolidays } from './lunar-table.ts';
import { WorkingCalendar } from './working-calendar.ts';

const calendar = new WorkingCalendar();
const daysOff = (from: string, to: string, cal = calendar): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (!cal.isWorkingDay(day)) out.push(day);
  }
  return out;
};

describe('lunar holiday table', () => {
  test('every Tết and Hùng Kings date agrees with the Vietnamese lunar calendar library', () => {
    assert.equal(lunarHolidays.size, 28);
    for (const [year, { tet, hungKings }] of lunarHolidays) {
      for (const [lunarDay, lunarMonth, expected] of [[1, 1, tet], [10, 3, hungKings]] as const) {
        const lunar = new LunarDate({ day: lunarDay, month: lunarMonth, year });
        lunar.init();
        const s = lunar.toSolarDate().get();
        const solar = `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
        assert.equal(solar, expected, `${lunarDay}/${lunarMonth} lunar ${year}`);
      }
    }
  });

  test('the table is the Vietnamese calendar, not the Chinese one: Tết 2030 is 2 February', () => {
    assert.equal(lunarHolidays.get(2030)?.tet, '2030-02-02');
    const chinese = parseCsv(readFileSync(LUNAR_TABLE_FILE, 'utf8')).find((r) => r.year === '2030');
    assert.equal(chinese?.chinese_utc8_new_year_for_comparison, '2030-02-03');
  });
});

describe('statutory holidays', () => {
  test('2025 has the 11 days of Labour Code 2019 art. 112 before compensation', () => {
    const base = statutoryHolidays(2025).filter((h) => h.kind !== 'compensatory');
    assert.equal(base.length, 11);
    assert.deepEqual(base.filter((h) => h.kind === 'tet').map((h) => h.date), ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    assert.deepEqual(base.find((h) => h.kind === 'hung_kings')?.date, '2025-04-07');
  });

  test('before 2021 National Day is one day; before 2013 Tết is four days', () => {
    assert.equal(statutoryHolidays(2019).filter((h) => h.kind === 'national_day_adjacent').length, 0);
    assert.equal(statutoryHolidays(2015).filter((h) => h.kind === 'tet').length, 5);
    assert.equal(statutoryHolidays(2010).filter((h) => h.kind === 'tet').length, 4);
  });

  test('Tết 2008 (Thursday 7 February): eve and days 1–3, Saturday moved to Monday 11', () => {
    assert.deepEqual(daysOff('2008-02-04', '2008-02-15'), ['2008-02-06', '2008-02-07', '2008-02-08', '2008-02-09', '2008-02-10', '2008-02-11']);
    assert.equal(calendar.dueDate('2008-02-05', 1), '2008-02-12');
  });

  test('New Year on a Saturday (2022) or a Sunday (2023) gives Monday off', () => {
    assert.equal(calendar.isWorkingDay('2022-01-03'), false);
    assert.equal(calendar.isWorkingDay('2023-01-02'), false);
    assert.equal(calendar.isWorkingDay('2022-01-04'), true);
  });

  test('Hùng Kings day 2026 falls on Sunday 26 April: Monday 27 off, then 30/4 and 1/5', () => {
    assert.deepEqual(daysOff('2026-04-24', '2026-05-05'), ['2026-04-25', '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
    assert.equal(calendar.dueDate('2026-04-24', 1), '2026-04-28');
    assert.equal(calendar.dueDate('2026-04-24', 3), '2026-05-04');
  });

  test('30/4 and 1/5 on a weekend (2022): both moved, to Monday 2 and Tuesday 3 May', () => {
    assert.deepEqual(daysOff('2022-04-29', '2022-05-06'), ['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']);
    assert.equal(calendar.dueDate('2022-04-29', 1), '2022-05-04');
  });

  test('2016: Hùng Kings on Saturday 16 April and 30/4–1/5 on a weekend', () => {
    assert.deepEqual(daysOff('2016-04-15', '2016-04-19'), ['2016-04-16', '2016-04-17', '2016-04-18']);
    assert.deepEqual(daysOff('2016-04-29', '2016-05-04'), ['2016-04-30', '2016-05-01', '2016-05-02', '2016-05-03']);
  });

  test('2/9/2023 (Saturday): adjacent day Friday 1/9, compensation Monday 4/9', () => {
    assert.deepEqual(daysOff('2023-08-31', '2023-09-05'), ['2023-09-01', '2023-09-02', '2023-09-03', '2023-09-04']);
    assert.equal(calendar.dueDate('2023-08-31', 1), '2023-09-05');
  });

  test('the adjacent day of 2/9 in 2021 (Thursday → 3/9), 2022 (Friday → 1/9), 2024 (Monday → 3/9), 2025 (Tuesday → 1/9)', () => {
    const adjacent = (y: number) => statutoryHolidays(y).find((h) => h.kind === 'national_day_adjacent')?.date;
    assert.equal(adjacent(2021), '2021-09-03');
    assert.equal(adjacent(2022), '2022-09-01');
    assert.equal(adjacent(2024), '2024-09-03');
    assert.equal(adjacent(2025), '2025-09-01');
  });

  test('Tết 2030 by the Vietnamese calendar (Saturday 2 February): eve Friday 1 February is off', () => {
    assert.deepEqual(daysOff('2030-01-31', '2030-02-08'), ['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07']);
    assert.equal(calendar.dueDate('2030-01-31', 1), '2030-02-08');
  });

  test('years outside the lunar table are refused rather than guessed', () => {
    assert.throws(() => calendar.dueDate('2036-03-02', 5), CalendarRangeError);
  });
});

describe('overrides and receipt', () => {
  test('the 2024 decisions: Tết moved to 8–14 February; 29/4 off in exchange for Saturday 4/5', () => {
    const plain = daysOff('2024-02-07', '2024-02-16');
    assert.deepEqual(plain, ['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15']);
    const decided = new WorkingCalendar([
      { date: '2024-02-08', kind: 'day_off' },
      { date: '2024-02-15', kind: 'working_day' },
      { date: '2024-04-29', kind: 'day_off' },
      { date: '2024-05-04', kind: 'working_day' },
    ]);
    assert.deepEqual(daysOff('2024-02-07', '2024-02-16', decided), ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14']);
    assert.equal(decided.dueDate('2024-04-26', 1), '2024-05-02');
    assert.equal(decided.dueDate('2024-05-03', 1), '2024-05-04');
    assert.equal(calendar.dueDate('2024-05-03', 1), '2024-05-06');
  });

  test('a receipt on a day off counts from the next working day; days = 0 is the receipt day', () => {
    assert.equal(calendar.dueDate('2026-11-28', 0), '2026-11-30');
    assert.equal(calendar.dueDate('2026-11-28', 3), '2026-12-03');
    assert.equal(calendar.dueDate('2026-11-30', 3), '2026-12-03');
  });

  test('a receipt at or after the cut-off hour (Viet Nam time) counts from the next working day', () => {
    assert.equal(calendar.receiptDay(new Date('2026-11-27T09:59:00Z'), 17), '2026-11-27');
    assert.equal(calendar.receiptDay(new Date('2026-11-27T10:00:00Z'), 17), '2026-11-30');
    assert.equal(calendar.receiptDay(new Date('2026-11-26T18:00:00Z'), 17), '2026-11-27');
    assert.equal(calendar.receiptDay(new Date('2026-11-28T02:00:00Z'), 17), '2026-11-30');
  });

  test('working days between two dates skip weekends and holidays', () => {
    assert.equal(calendar.workingDaysBetween('2023-08-31', '2023-09-08'), 4);
    assert.equal(calendar.workingDaysBetween('2023-09-08', '2023-08-31'), 0);
  });
});
