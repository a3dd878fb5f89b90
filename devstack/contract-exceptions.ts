// The recorded exchanges the contract replay does not play again, each with its reason. Keep
// this list short: anything the devstack can be made to answer belongs in the replay.
import type { EndpointFile } from './contract/recording';

export interface ContractException {
  file: EndpointFile;
  /** The recorded situation, whole. */
  situation: string;
  reason: string;
}

export const CONTRACT_EXCEPTIONS: readonly ContractException[] = [];
