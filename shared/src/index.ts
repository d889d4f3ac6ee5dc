export * from "./api.js";
export * from "./config.js";
export * from "./mask.js";
export * from "./schemas.js";
export * from "./second-step.js";
