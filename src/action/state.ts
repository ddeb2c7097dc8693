import * as core from "@actions/core";
import { readSavedState, type SavedState, type StateStore } from "../session/state.js";

/** In the action: core.saveState, read back by the post step as STATE_<key>. */
export const actionState: StateStore = { save: (key, value) => core.saveState(key, value) };

export const readActionState = (): SavedState => readSavedState((key) => core.getState(key));
