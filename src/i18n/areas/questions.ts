// Messages of the "questions" area. Keys start with "questions.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
  },
  {
  },
);
