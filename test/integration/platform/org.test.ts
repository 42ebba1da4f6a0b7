import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { agenciesWithDutyAt, agencyAt, agencyDutiesAt, predecessorsOf, successorsOf, unitByCode, unitsAt } from '../../../src/platform/org/queries.ts';

test('agencies are read as they were on a given day', async (t) => {
  const { store } = await build(t);
  const db = store.db;
  const in2008 = await agencyAt(db, 'so-tttt-lao-cai', '2008-10-06');
  assert.equal(in2008?.nameVi, 'Sở Thông tin và Truyền thông tỉnh Lào Cai');
  assert.equal(in2008?.shortName, 'Sở TT&TT Lào Cai');
  const parent = await agencyAt(db, in2008?.parentAgencyId ?? -1, '2008-10-06');
  assert.equal(parent?.code, 'ubnd-lao-cai');
  const oldLaoCai = await unitByCode(db, 'pre2025', 'province', '10');
  assert.equal(in2008?.adminUnitId, oldLaoCai?.id);
  // The department's last day was 28 February 2025 (Decree 45/2025/NĐ-CP moved its duties).
  assert.equal((await agencyAt(db, 'so-tttt-lao-cai', '2025-02-28'))?.code, 'so-tttt-lao-cai');
  assert.equal(await agencyAt(db, 'so-tttt-lao-cai', '2025-03-01'), null);
  assert.equal(await agencyAt(db, 'so-tttt-lao-cai', '2008-03-31'), null);
  // The province's committee moved to the new Lào Cai (code 15) on 1 July 2025.
  const newLaoCai = await unitByCode(db, '2025', 'province', '15');
  assert.equal((await agencyAt(db, 'ubnd-lao-cai', '2025-06-30'))?.adminUnitId, oldLaoCai?.id);
  assert.equal((await agencyAt(db, 'ubnd-lao-cai', '2025-07-01'))?.adminUnitId, newLaoCai?.id);
  assert.equal(await agencyAt(db, 'no-such-agency', '2020-01-01'), null);
});

test('duties move between agencies on 1 March 2025', async (t) => {
  const { store } = await build(t);
  const db = store.db;
  const oldLaoCai = await unitByCode(db, 'pre2025', 'province', '10');
  assert.ok(oldLaoCai);
  const press2008 = await agenciesWithDutyAt(db, 'press', '2008-10-06', { inUnit: oldLaoCai.id });
  assert.deepEqual(press2008.map((a) => a.code), ['so-tttt-lao-cai']);
  const press2025 = await agenciesWithDutyAt(db, 'press', '2025-03-01', { inUnit: oldLaoCai.id });
  assert.deepEqual(press2025.map((a) => a.code), ['so-vhttdl-lao-cai']);
  const telecom2025 = await agenciesWithDutyAt(db, 'telecom', '2025-03-01', { inUnit: oldLaoCai.id });
  assert.deepEqual(telecom2025.map((a) => a.code), ['so-khcn-lao-cai']);
  // Nationally, the ministry held the press duty in 2008, the ministry of culture in 2025.
  assert.deepEqual((await agenciesWithDutyAt(db, 'press', '2008-10-06')).map((a) => a.code), ['bo-tttt', 'so-tttt-lao-cai']);
  assert.deepEqual((await agenciesWithDutyAt(db, 'press', '2025-03-01')).map((a) => a.code), ['bo-vhttdl', 'so-vhttdl-lao-cai']);

  const dept = await agencyAt(db, 'so-tttt-lao-cai', '2008-10-06');
  assert.ok(dept);
  assert.deepEqual(await agencyDutiesAt(db, dept.agencyId, '2008-10-06'), ['broadcasting', 'it', 'posts', 'press', 'publishing', 'telecom']);
  assert.deepEqual(await agencyDutiesAt(db, dept.agencyId, '2025-03-01'), []);
  const khcn = await agencyAt(db, 'so-khcn-lao-cai', '2025-03-01');
  assert.ok(khcn);
  assert.deepEqual(await agencyDutiesAt(db, khcn.agencyId, '2024-12-31'), ['science']);
  assert.deepEqual(await agencyDutiesAt(db, khcn.agencyId, '2025-03-01'), ['it', 'posts', 'science', 'telecom']);
});

test('the province list has 63 entries in 2008 and 34 after the 2025 reform', async (t) => {
  const { store } = await build(t);
  const db = store.db;
  const on2008 = await unitsAt(db, 'province', '2008-10-06');
  assert.equal(on2008.length, 63);
  assert.ok(on2008.some((u) => u.code === '10' && u.name === 'Lào Cai'));
  assert.ok(on2008.some((u) => u.code === '15' && u.name === 'Yên Bái'));
  assert.equal((await unitsAt(db, 'province', '2025-06-30')).length, 63);
  const on2025 = await unitsAt(db, 'province', '2025-07-01');
  assert.equal(on2025.length, 34);
  assert.ok(on2025.some((u) => u.code === '15' && u.name === 'Lào Cai'));
  assert.ok(!on2025.some((u) => u.name === 'Yên Bái'));
  // Districts existed only before the reform.
  const oldLaoCai = await unitByCode(db, 'pre2025', 'province', '10');
  assert.ok(oldLaoCai);
  const districts = await unitsAt(db, 'district', '2008-10-06', oldLaoCai.id);
  assert.equal(districts.length, 9);
  assert.ok(districts.some((d) => d.fullName === 'Thành phố Lào Cai'));
  assert.equal((await unitsAt(db, 'district', '2025-07-01')).length, 0);
});

test('old Lào Cai and old Yên Bái both became the new Lào Cai; communes map to their successors', async (t) => {
  const { store } = await build(t);
  const db = store.db;
  const oldLaoCai = await unitByCode(db, 'pre2025', 'province', '10');
  const oldYenBai = await unitByCode(db, 'pre2025', 'province', '15');
  const newLaoCai = await unitByCode(db, '2025', 'province', '15');
  assert.ok(oldLaoCai && oldYenBai && newLaoCai);
  assert.equal(oldYenBai.name, 'Yên Bái');
  assert.equal(newLaoCai.name, 'Lào Cai');
  for (const old of [oldLaoCai, oldYenBai]) {
    const next = await successorsOf(db, old.id);
    assert.equal(next.length, 1);
    assert.equal(next[0]?.unit.id, newLaoCai.id);
    assert.equal(next[0]?.mergeType, 'full');
    assert.equal(next[0]?.effectiveOn, '2025-07-01');
  }
  const before = await predecessorsOf(db, newLaoCai.id);
  assert.deepEqual(before.map((p) => `${p.unit.code} ${p.unit.name}`), ['10 Lào Cai', '15 Yên Bái']);

  // Phường Duyên Hải and Phường Cốc Lếu of the city of Lào Cai became Phường Lào Cai (02647).
  const duyenHai = await unitByCode(db, 'pre2025', 'commune', '02635');
  assert.equal(duyenHai?.fullName, 'Phường Duyên Hải');
  const after = await successorsOf(db, duyenHai?.id ?? -1);
  assert.deepEqual(after.map((s) => [s.unit.code, s.unit.fullName, s.mergeType]), [['02647', 'Phường Lào Cai', 'full']]);
  const phuongLaoCai = await unitByCode(db, '2025', 'commune', '02647');
  const parts = await predecessorsOf(db, phuongLaoCai?.id ?? -1);
  const names = parts.map((p) => p.unit.fullName);
  for (const n of ['Phường Duyên Hải', 'Phường Lào Cai', 'Phường Cốc Lếu', 'Phường Kim Tân', 'Xã Vạn Hoà', 'Xã Bản Phiệt']) assert.ok(names.includes(n), n);
  const communes2025 = await unitsAt(db, 'commune', '2025-07-01', newLaoCai.id);
  assert.equal(communes2025.length, 99);

  // A ward split between two new wards: a partial merge into each.
  const congVi = await unitByCode(db, 'pre2025', 'commune', '00007');
  const split = await successorsOf(db, congVi?.id ?? -1);
  assert.deepEqual(split.map((s) => [s.unit.fullName, s.mergeType, s.nTargets]), [
    ['Phường Ngọc Hà', 'partial', 2],
    ['Phường Giảng Võ', 'partial', 2],
  ]);
});
