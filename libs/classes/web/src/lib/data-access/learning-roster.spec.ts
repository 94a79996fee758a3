import { makeEnrollment } from '../learning/testing/learning-factories';
import { filterRoster } from './learning-roster';

const ROSTER = [
  makeEnrollment(),
  makeEnrollment({
    id: 'e2',
    username: 'hocvien02',
    fullName: 'Trần Thị Đào',
    unitName: 'Xã Long Thành',
    position: null,
  }),
];

describe('filterRoster', () => {
  it('keeps everyone for an empty query', () => {
    expect(filterRoster(ROSTER, '  ')).toHaveLength(2);
  });

  it('matches names with or without diacritics', () => {
    expect(filterRoster(ROSTER, 'dao').map((e) => e.id)).toEqual(['e2']);
    expect(filterRoster(ROSTER, 'Đào').map((e) => e.id)).toEqual(['e2']);
    expect(filterRoster(ROSTER, 'nguyen van').map((e) => e.id)).toEqual(['e1']);
  });

  it('matches username, unit and position', () => {
    expect(filterRoster(ROSTER, 'HOCVIEN02').map((e) => e.id)).toEqual(['e2']);
    expect(filterRoster(ROSTER, 'long thanh').map((e) => e.id)).toEqual(['e2']);
    expect(filterRoster(ROSTER, 'bí thư').map((e) => e.id)).toEqual(['e1']);
    expect(filterRoster(ROSTER, 'giám đốc')).toEqual([]);
  });
});
