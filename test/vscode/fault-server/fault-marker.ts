/** Typed into a document by the fault suite, it ends the injected fault of the impact graph's build (graph-fault-switch.ts). */
export const FAULT_OFF = 'ALIGN_TEST_FAULT_OFF';
