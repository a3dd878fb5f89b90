import { describe, expect, it } from 'vitest';
import { invokeChannelNames, isInvokeChannelName, isMainEventName, mainEventChannelNames } from './ipc-channels';
import { invokeSchemas } from './ipc-contract';

describe('IPC channel names', () => {
  it('gives every declared invoke channel a schema, and no other', () => {
    expect(Object.keys(invokeSchemas).sort()).toEqual([...invokeChannelNames].sort());
  });

  it('declares each name once', () => {
    expect(new Set(invokeChannelNames).size).toBe(invokeChannelNames.length);
    expect(new Set(mainEventChannelNames).size).toBe(mainEventChannelNames.length);
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
