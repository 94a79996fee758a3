import { IntegrityFlagKind } from '@thuchoc/integrity/contracts';
import { manualMarkFlags } from './manual-marks.service';

describe('flags of a manual mark', () => {
  const endsAt = new Date('2026-12-01T10:00:00Z');
  const hoursLater = (h: number) => new Date(endsAt.getTime() + h * 3600_000);

  it('raises none for a few learners on the day', () => {
    expect(manualMarkFlags(3, endsAt, hoursLater(2))).toEqual([]);
  });

  it('flags marking more than 24 hours after the session', () => {
    expect(manualMarkFlags(1, endsAt, hoursLater(24))).toEqual([]);
    expect(manualMarkFlags(1, endsAt, hoursLater(24.01))).toEqual([IntegrityFlagKind.LateManualMark]);
  });

  it('flags one action marking ten learners or more', () => {
    expect(manualMarkFlags(9, endsAt, hoursLater(1))).toEqual([]);
    expect(manualMarkFlags(10, endsAt, hoursLater(1))).toEqual([IntegrityFlagKind.BulkManualMark]);
    expect(manualMarkFlags(40, endsAt, hoursLater(48))).toEqual([
      IntegrityFlagKind.LateManualMark,
      IntegrityFlagKind.BulkManualMark,
    ]);
  });
});
