// Step 3, the live read: the screen shows that the tenant is being read and the sign-in
// instructions as they come. The read itself is an effect (./effects.ts); when it ends, the main
// reducer's `liveRead` takes the facts and moves on.

export interface LiveState {
  /** The read runs while this object is the state's (a new screen starts a new read). */
  reading: { started: true };
  /** The sign-in instructions (the device-code message), once given. */
  message?: string;
}

export type LiveEvent = { type: "message"; text: string };

export function initialLive(): LiveState {
  return { reading: { started: true } };
}

export function reduceLive(s: LiveState, e: LiveEvent): LiveState {
  switch (e.type) {
    case "message":
      return { ...s, message: e.text };
  }
}
