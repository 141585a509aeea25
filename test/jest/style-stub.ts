// Stands in for a stylesheet a web component imports (jsdom applies none).
export default {};
