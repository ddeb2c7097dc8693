import nock from "nock";
import { afterEach, beforeEach, expect } from "vitest";

/** No real network in the file's tests, and every mocked call must have been made. */
export function useStrictNock(): void {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(pending).toEqual([]);
  });
}
