// The metadata added to the npm package's segmentation model, read back from the bytes. That
// MediaPipe's ImageSegmenter accepts the result is shown in Chromium by e2e/background-blur.spec.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FlatBufferReader,
  modelMetadataBuffer,
  readSegmenterMetadata,
  segmenterMetadataBuffer,
  summariseModel,
  TFLITE_METADATA_NAME,
  withSegmenterMetadata,
  type SegmenterMetadata,
} from './tflite-metadata';

const packageFolder = dirname(createRequire(__filename).resolve('@mediapipe/selfie_segmentation'));
const readModel = (file: string) => new Uint8Array(readFileSync(join(packageFolder, file)));

const metadata: SegmenterMetadata = {
  name: 'Selfie segmentation (landscape)',
  description: 'test',
  version: '1',
  author: 'MediaPipe',
  license: 'Apache-2.0',
  mean: [0],
  std: [255],
};

describe('the TFLite metadata of the segmentation model', () => {
  for (const [file, height] of [
    ['selfie_segmentation_landscape.tflite', 144],
    ['selfie_segmentation.tflite', 256],
  ] as const) {
    it(`describes ${file} as an RGB image segmenter taking pixels in [0, 1]`, () => {
      const original = readModel(file);
      const before = summariseModel(original);
      expect(before.metadataNames).not.toContain(TFLITE_METADATA_NAME);
      expect(before.inputs).toEqual([{ name: 'input_1', shape: [1, height, 256, 3], type: 0 }]);
      expect(before.outputs.map((output) => output.shape)).toEqual([[1, height, 256, 1]]);

      const model = withSegmenterMetadata(original, metadata);
      const after = summariseModel(model);
      expect(after.inputs).toEqual(before.inputs);
      expect(after.outputs).toEqual(before.outputs);
      expect(after.bufferCount).toBe(before.bufferCount + 1);
      expect(after.metadataNames).toEqual([...before.metadataNames, TFLITE_METADATA_NAME]);

      const read = readSegmenterMetadata(modelMetadataBuffer(model)!);
      expect(read).toEqual({
        identifier: 'M001',
        name: metadata.name,
        minParserVersion: '1.0.0',
        inputNames: ['input_1'],
        outputNames: before.outputs.map((output) => output.name),
        colorSpace: 1,
        mean: [0],
        std: [255],
      });
    });
  }

  it('keeps the original bytes, moved by a multiple of 16 so the weights stay aligned', () => {
    const original = readModel('selfie_segmentation_landscape.tflite');
    const model = withSegmenterMetadata(original, metadata);
    const shift = model.length - original.length;
    expect(shift % 16).toBe(0);
    expect(Buffer.compare(model.subarray(8 + shift), original.subarray(8))).toBe(0);
    expect(new FlatBufferReader(model).identifier()).toBe('TFL3');
  });

  it('aligns every weight buffer of the new model on 16 bytes, as before', () => {
    const original = readModel('selfie_segmentation_landscape.tflite');
    const dataOffsets = (bytes: Uint8Array) => {
      const reader = new FlatBufferReader(bytes);
      return reader
        .tables(reader.reference(reader.root(), 4)!)
        .map((buffer) => reader.reference(buffer, 0))
        .filter((data): data is number => data !== null && reader.u32(data) > 0)
        .map((data) => (data + 4) % 16);
    };
    const before = dataOffsets(original);
    const after = dataOffsets(withSegmenterMetadata(original, metadata));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toBe(0);
  });

  it('refuses a model that already has metadata, and a file that is not a TFLite model', () => {
    const model = withSegmenterMetadata(readModel('selfie_segmentation_landscape.tflite'), metadata);
    expect(() => withSegmenterMetadata(model, metadata)).toThrow(/already has TFLite metadata/);
    expect(() => summariseModel(new TextEncoder().encode('not a model at all'))).toThrow(/identifier/);
  });

  it('refuses to describe a model whose input is not an RGB image', () => {
    const summary = summariseModel(readModel('selfie_segmentation_landscape.tflite'));
    expect(() => segmenterMetadataBuffer({ ...summary, inputs: [] }, metadata)).toThrow(/exactly one input/);
  });
});
