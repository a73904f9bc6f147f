export * from "./layout";
export * from "./info";
export * from "./reportForms";
export * from "./eligibilitySheet";
export * from "./date";
