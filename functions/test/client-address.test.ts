import { describe, expect, it } from "vitest";
import { clientAddress } from "../src/context.js";

describe("clientAddress, the key of the per-IP limit", () => {
  it("takes the entry Google's front end appended, never one the caller wrote", () => {
    expect(clientAddress("203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
    // A caller that sends its own header gets the real address appended after it.
    expect(clientAddress("1.2.3.4, 5.6.7.8, 203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(clientAddress(["1.2.3.4", "203.0.113.9"], "10.0.0.1", 1)).toBe("203.0.113.9");
  });

  it("counts hops from the right when more proxies are trusted", () => {
    expect(clientAddress("1.2.3.4, 203.0.113.9, 35.191.0.1", "10.0.0.1", 2)).toBe("203.0.113.9");
  });

  it("ignores the header entirely where no proxy is trusted (the emulator)", () => {
    expect(clientAddress("1.2.3.4", "127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("falls back to the connection when the header is missing or too short", () => {
    expect(clientAddress(undefined, "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress(" , ", "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.9", "198.51.100.7", 2)).toBe("198.51.100.7");
    expect(clientAddress(undefined, undefined, 1)).toBe("unknown");
  });
});
