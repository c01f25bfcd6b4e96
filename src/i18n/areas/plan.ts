// Messages of the "plan" area. Keys start with "plan.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
  },
  {
  },
);
