export * from "./layout";
export * from "./lists";
export * from "./validations";
