import { beforeEach } from "vitest";
import { resetIpLimit } from "../support/clients.js";

beforeEach(resetIpLimit);
