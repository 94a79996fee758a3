import { queryParams } from './query-params';

describe('queryParams', () => {
  it('keeps values, drops empty ones and stringifies the rest', () => {
    const params = queryParams({
      q: 'Nguyễn',
      status: '',
      classId: null,
      page: 2,
      isActive: false,
      x: undefined,
    });
    expect(params.keys()).toEqual(['q', 'page', 'isActive']);
    expect(params.get('q')).toBe('Nguyễn');
    expect(params.get('page')).toBe('2');
    expect(params.get('isActive')).toBe('false');
  });
});
