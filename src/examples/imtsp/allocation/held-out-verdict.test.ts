import { describe, expect, it } from 'vitest';
import type { HeldOutRow } from './compare';
import { heldOutVerdict } from './held-out-verdict';

const row = (method: HeldOutRow['method'], meanMaxTour: number, meanMs: number): HeldOutRow => ({
  method,
  instances: 2,
  meanMaxTour,
  meanRatio: meanMaxTour / 2,
  meanMs,
});

describe('held-out verdict', () => {
  it('compares learned with the better clustering and with the local search', () => {
    const v = heldOutVerdict([
      row('learned', 2.2, 10),
      row('kmeans', 2.6, 4),
      row('sweep', 2.1, 20),
      row('local-search', 2, 300),
    ]);
    expect(v?.clustering.wins).toBe(false);
    expect(v?.clustering.text).toBe(
      'Learned loses to the best clustering (the sweep): its longest tour is 4.8 % longer.',
    );
    expect(v?.localSearch.text).toBe(
      'Against the min-max local search: 1.100× its longest tour, 30.0× faster.',
    );
  });

  it('says so when learned wins, and gives up without the rows it needs', () => {
    const v = heldOutVerdict([
      row('learned', 2, 10),
      row('kmeans', 2.5, 4),
      row('sweep', 2.2, 20),
      row('local-search', 1.9, 300),
    ]);
    expect(v?.clustering.wins).toBe(true);
    expect(v?.clustering.text).toContain('9.1 % shorter');
    expect(heldOutVerdict([row('learned', 2, 10)])).toBeNull();
  });
});
