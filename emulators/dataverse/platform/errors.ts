/**
 * Typed errors of the platform features. Each carries the HTTP status, the Dataverse error code
 * (hex, as in `{"error":{"code","message"}}`) and a message that says what to do; they are
 * instances of the core's DataverseError, so the core serializes them like every other error.
 *
 * Codes: 0x80040203 (InvalidArgument), 0x80040265 (plug-in/ISV abort, the code a failing
 * synchronous step surfaces with), 0x8004801a (invalid solution file, reported for import
 * failures), 0x80048078 (solution already installed at this version) — see emulators/README.md.
 */
import { DataverseError } from '../errors';

export const PlatformErrorCode = {
  InvalidArgument: '0x80040203',
  InvalidSolutionFile: '0x8004801a',
  SolutionAlreadyInstalled: '0x80048078',
  StepFailed: '0x80040265',
  ODataParse: '0x0',
} as const;

/** The exact text the real service returns when a root file is missing or wrapped in a folder. */
export const INVALID_SOLUTION_FILE_MESSAGE =
  'The solution file is invalid. The compressed file must contain the following files at its root: ' +
  'solution.xml, customizations.xml, and [Content_Types].xml. Customization files exported from ' +
  'previous versions of Microsoft Dynamics 365 are not supported.';

export const platformErrors = {
  invalidSolutionFile(detail?: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.InvalidSolutionFile,
      detail ? `${INVALID_SOLUTION_FILE_MESSAGE} ${detail}` : INVALID_SOLUTION_FILE_MESSAGE);
  },
  notAZip(cause: unknown): DataverseError {
    return new DataverseError(400, PlatformErrorCode.InvalidSolutionFile,
      `${INVALID_SOLUTION_FILE_MESSAGE} The CustomizationFile is not a readable zip archive: send the solution zip base64-encoded.`, {}, { cause });
  },
  unparsableXml(file: string, reason: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.InvalidSolutionFile,
      `The import file is invalid. XML file '${file}' could not be parsed: ${reason}. Repack the solution from its source.`);
  },
  missingComponentFile(kind: string, name: string, fileName: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.InvalidSolutionFile,
      `The import file is invalid. The ${kind} '${name}' refers to '${fileName}', which is not in the solution file. Add the file to the zip at that path.`);
  },
  invalidManifest(reason: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.InvalidSolutionFile,
      `The import file is invalid. solution.xml: ${reason}.`);
  },
  alreadyInstalled(uniqueName: string, version: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.SolutionAlreadyInstalled,
      `This version of the solution package is already installed. Solution '${uniqueName}' version ${version} is already in this environment; increase <Version> in solution.xml to import an update.`);
  },
  olderVersion(uniqueName: string, version: string, installed: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.SolutionAlreadyInstalled,
      `Solution manifest import: FAILURE: The import solution must have a higher version than the existing solution it is upgrading. (${uniqueName}: importing ${version}, installed ${installed}.)`);
  },

  managedOverUnmanaged(_uniqueName: string, managed: boolean): DataverseError {
    return new DataverseError(400, PlatformErrorCode.SolutionAlreadyInstalled,
      `The solution is already installed on this system as ${managed ? 'an unmanaged' : 'a managed'} solution and the package supplied is attempting to install it in ${managed ? 'managed' : 'unmanaged'} mode. Import can only update solutions when the modes match. Uninstall the current solution and try again.`);
  },

  missingParameter(parameter: string, message: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.InvalidArgument,
      `Required parameter '${parameter}' of the '${message}' request is missing. Supply it in the JSON body.`);
  },
  badParameterType(parameter: string, expected: string, detail: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.ODataParse,
      `${detail} Parameter '${parameter}' must be of type '${expected}'.`);
  },
  unknownParameter(parameter: string, message: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.ODataParse,
      `The parameter '${parameter}' in the request payload is not a valid parameter for the operation '${message}'.`);
  },
  stepFailed(endpointName: string, detail: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.StepFailed, `Webhook '${endpointName}' failed: ${detail}`);
  },

  invalidArgument(message: string): DataverseError {
    return new DataverseError(400, PlatformErrorCode.InvalidArgument, message);
  },
};
