export * from "./types";
export * from "./enums";
export * from "./tables";
export * from "./mark";
export * from "./match";
