/**
 * Inputs and outputs of the control as declared in ControlManifest.Input.xml (one bound
 * SingleLine.Text property `value`). pcf-scripts also generates generated/ManifestTypes.d.ts at
 * build time; this hand-kept copy lets the project type-check and test on a fresh clone before
 * any build. test/unit/pcf-manifest.unit.test.ts checks that it matches the manifest.
 */
export interface IInputs {
  value: ComponentFramework.PropertyTypes.StringProperty;
}

export interface IOutputs {
  value?: string;
}
