import { describe, expect, it } from 'vitest';
import { invokeChannelNames, isInvokeChannelName, isMainEventName, mainEventChannelNames } from './ipc-channels';
import { invokeSchemas, mainEventNames } from './ipc-contract';

describe('IPC channel names', () => {
  it('lists exactly the invoke channels of the contract', () => {
    expect([...invokeChannelNames].sort()).toEqual(Object.keys(invokeSchemas).sort());
  });

  it('lists exactly the main events of the contract', () => {
    expect([...mainEventChannelNames].sort()).toEqual([...mainEventNames].sort());
  });

  it('recognises only listed names', () => {
    expect(isInvokeChannelName('backend:me')).toBe(true);
    expect(isInvokeChannelName('backend:secret')).toBe(false);
    expect(isInvokeChannelName('__proto__')).toBe(false);
    expect(isInvokeChannelName(42)).toBe(false);
    expect(isMainEventName('event:join')).toBe(true);
    expect(isMainEventName('event:other')).toBe(false);
  });
});
