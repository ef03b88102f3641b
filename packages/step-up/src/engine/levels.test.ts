import { describe, expect, it } from "vitest";
import { LEVELS, levelRank, type Level } from "./levels";

describe("levelRank", () => {
  it("is the index in LEVELS, and -1 for anything else", () => {
    expect(LEVELS.map(levelRank)).toEqual([0, 1, 2, 3, 4]);
    expect(levelRank("toString" as Level)).toBe(-1);
  });
});
