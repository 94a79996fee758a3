import { flagDetails } from './flag-details';

describe('flagDetails', () => {
  it('lists each fact as text, joining lists and leaving out empty ones', () => {
    expect(
      flagDetails({
        device: 'a1b2c3',
        marked: 12,
        usernames: ['hocvien01', 'hocvien02'],
        window: { from: '08:00', to: '08:45' },
        note: null,
        empty: '',
      }),
    ).toEqual([
      { key: 'device', value: 'a1b2c3' },
      { key: 'marked', value: '12' },
      { key: 'usernames', value: 'hocvien01, hocvien02' },
      { key: 'window', value: '{"from":"08:00","to":"08:45"}' },
    ]);
  });
});
