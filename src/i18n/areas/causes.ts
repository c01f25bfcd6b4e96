// Messages of the "causes" area. Keys start with "causes.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
  },
  {
  },
);
