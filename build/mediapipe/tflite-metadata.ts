// The selfie segmentation model that @mediapipe/selfie_segmentation ships is a plain TFLite file:
// MediaPipe's ImageSegmenter task (@mediapipe/tasks-vision) refuses a float model that does not
// say, in its TFLite metadata, how to normalise the input image. This module adds that metadata at
// build time (input pixels in [0, 1], as the legacy MediaPipe graph fed this very model), so the app
// runs the model from an npm package and never downloads one.
//
// FlatBuffers offsets only point forward, so the existing model cannot simply grow. The new file
// is: a new root `Model` table, its new `buffers` and `metadata` vectors, the metadata buffer,
// then the whole original file after its 8-byte header, moved by a multiple of 16 bytes so the
// weights keep their alignment. The new tables point forward into the original data; the old root
// table stays in the file, unused.

const MODEL_IDENTIFIER = 'TFL3';
const METADATA_IDENTIFIER = 'M001';
/** The name TFLite readers look for among `Model.metadata` (tflite-support's metadata extractor). */
export const TFLITE_METADATA_NAME = 'TFLITE_METADATA';
/** The metadata schema version our fields need (NormalizationOptions and ImageProperties: 1.0.0). */
const MIN_PARSER_VERSION = '1.0.0';

// Field ids of tensorflow/lite/schema/schema.fbs.
const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 };
const MODEL_FIELD_COUNT = 8;
const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2 };
const TENSOR = { shape: 0, type: 1, name: 3 };
const METADATA_ENTRY = { name: 0, buffer: 1 };
const TENSOR_TYPE_FLOAT32 = 0;

// Union tags of tensorflow_lite_support/metadata/metadata_schema.fbs.
const CONTENT_PROPERTIES_IMAGE = 2;
const PROCESS_UNIT_NORMALIZATION = 1;
const COLOR_SPACE_RGB = 1;

// ---------------------------------------------------------------------------------------------
// Reading

export class FlatBufferReader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(position: number): number {
    return this.view.getUint8(position);
  }

  u16(position: number): number {
    return this.view.getUint16(position, true);
  }

  i32(position: number): number {
    return this.view.getInt32(position, true);
  }

  u32(position: number): number {
    return this.view.getUint32(position, true);
  }

  f32(position: number): number {
    return this.view.getFloat32(position, true);
  }

  identifier(): string {
    return String.fromCharCode(...this.bytes.subarray(4, 8));
  }

  root(): number {
    return this.u32(0);
  }

  /** How many field slots the table's vtable has. */
  fieldCount(table: number): number {
    const vtable = table - this.i32(table);
    return (this.u16(vtable) - 4) / 2;
  }

  /** The absolute position of a table field, or null when the field is absent. */
  field(table: number, id: number): number | null {
    const vtable = table - this.i32(table);
    if (4 + 2 * id >= this.u16(vtable)) return null;
    const offset = this.u16(vtable + 4 + 2 * id);
    return offset === 0 ? null : table + offset;
  }

  /** Follows the offset stored in a field (to a table, vector or string). */
  reference(table: number, id: number): number | null {
    const position = this.field(table, id);
    return position === null ? null : position + this.u32(position);
  }

  /** The positions of the tables a vector of tables points to. */
  tables(vector: number): number[] {
    return Array.from({ length: this.u32(vector) }, (_, index) => {
      const slot = vector + 4 + 4 * index;
      return slot + this.u32(slot);
    });
  }

  int32s(vector: number): number[] {
    return Array.from({ length: this.u32(vector) }, (_, index) => this.i32(vector + 4 + 4 * index));
  }

  float32s(vector: number): number[] {
    return Array.from({ length: this.u32(vector) }, (_, index) => this.f32(vector + 4 + 4 * index));
  }

  string(position: number): string {
    return new TextDecoder().decode(this.bytes.subarray(position + 4, position + 4 + this.u32(position)));
  }

  /** The bytes of a `[ubyte]` vector. */
  byteVector(vector: number): Uint8Array {
    return this.bytes.subarray(vector + 4, vector + 4 + this.u32(vector));
  }
}

// ---------------------------------------------------------------------------------------------
// Writing: objects are laid out after whatever refers to them, so every offset points forward.

type Scalar = { kind: 'u8'; value: number } | { kind: 'u32'; value: number };
type Reference = { kind: 'ref'; target: FlatObject };
type Field = Scalar | Reference | undefined;

type FlatObject =
  | { kind: 'table'; fields: Field[] }
  | { kind: 'tables'; items: FlatObject[] }
  | { kind: 'bytes'; value: Uint8Array; align: number }
  | { kind: 'floats'; values: number[] }
  | { kind: 'string'; value: string }
  /** A table, vector or string of the original file, at this position in it. */
  | { kind: 'existing'; position: number };

const table = (...fields: Field[]): FlatObject => ({ kind: 'table', fields });
const ref = (target: FlatObject): Reference => ({ kind: 'ref', target });
const text = (value: string): Reference => ref({ kind: 'string', value });
const u8 = (value: number): Scalar => ({ kind: 'u8', value });
const u32 = (value: number): Scalar => ({ kind: 'u32', value });

class FlatBufferWriter {
  private bytes = new Uint8Array(1024);
  length = 0;
  /** Offsets into the original file, patched once its new position is known. */
  private readonly existingPatches: Array<{ at: number; position: number }> = [];

  private ensure(size: number): void {
    if (this.length + size <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + size));
    grown.set(this.bytes);
    this.bytes = grown;
  }

  pad(alignment: number, extra = 0): void {
    while ((this.length + extra) % alignment !== 0) this.put(new Uint8Array(1));
  }

  put(data: Uint8Array): number {
    this.ensure(data.length);
    const at = this.length;
    this.bytes.set(data, at);
    this.length += data.length;
    return at;
  }

  setU16(at: number, value: number): void {
    new DataView(this.bytes.buffer).setUint16(at, value, true);
  }

  setU32(at: number, value: number): void {
    new DataView(this.bytes.buffer).setUint32(at, value >>> 0, true);
  }

  setI32(at: number, value: number): void {
    new DataView(this.bytes.buffer).setInt32(at, value, true);
  }

  reserve(size: number): number {
    return this.put(new Uint8Array(size));
  }

  /** Writes an object and everything it refers to; returns the object's position. */
  write(object: FlatObject): number {
    const pending: Array<{ at: number; target: FlatObject }> = [];
    let position: number;
    switch (object.kind) {
      case 'table': {
        const count = object.fields.length;
        this.pad(2);
        const vtable = this.reserve(4 + 2 * count);
        this.pad(4);
        position = this.reserve(4 + 4 * count);
        this.setU16(vtable, 4 + 2 * count);
        this.setU16(vtable + 2, 4 + 4 * count);
        this.setI32(position, position - vtable);
        object.fields.forEach((field, index) => {
          if (!field) return;
          const at = position + 4 + 4 * index;
          this.setU16(vtable + 4 + 2 * index, at - position);
          if (field.kind === 'u8') this.bytes[at] = field.value;
          else if (field.kind === 'u32') this.setU32(at, field.value);
          else pending.push({ at, target: field.target });
        });
        break;
      }
      case 'tables': {
        this.pad(4);
        position = this.reserve(4 + 4 * object.items.length);
        this.setU32(position, object.items.length);
        object.items.forEach((item, index) => pending.push({ at: position + 4 + 4 * index, target: item }));
        break;
      }
      case 'bytes': {
        this.pad(Math.max(4, object.align), 4);
        position = this.reserve(4);
        this.setU32(position, object.value.length);
        this.put(object.value);
        break;
      }
      case 'floats': {
        this.pad(4);
        position = this.reserve(4 + 4 * object.values.length);
        this.setU32(position, object.values.length);
        const view = new DataView(this.bytes.buffer);
        object.values.forEach((value, index) => view.setFloat32(position + 4 + 4 * index, value, true));
        break;
      }
      case 'string': {
        this.pad(4);
        const encoded = new TextEncoder().encode(object.value);
        position = this.reserve(4);
        this.setU32(position, encoded.length);
        this.put(encoded);
        this.put(new Uint8Array(1));
        break;
      }
      case 'existing':
        throw new Error('an existing object is referred to, never written');
    }
    for (const { at, target } of pending) {
      if (target.kind === 'existing') {
        this.existingPatches.push({ at, position: target.position });
      } else {
        const targetPosition = this.write(target);
        this.setU32(at, targetPosition - at);
      }
    }
    return position;
  }

  /** A standalone buffer: root offset, identifier, then the root object. */
  static finish(root: FlatObject, identifier: string): Uint8Array {
    const writer = new FlatBufferWriter();
    const rootSlot = writer.reserve(4);
    writer.put(new TextEncoder().encode(identifier));
    writer.setU32(rootSlot, writer.write(root));
    if (writer.existingPatches.length > 0) throw new Error('a standalone buffer cannot refer to another file');
    return writer.bytes.slice(0, writer.length);
  }

  /**
   * A new root in front of an existing file: `original` keeps its bytes from position 8 on,
   * moved by a multiple of 16 (the alignment TFLite asks of weight buffers).
   */
  static prepend(root: FlatObject, identifier: string, original: Uint8Array): Uint8Array {
    const writer = new FlatBufferWriter();
    const rootSlot = writer.reserve(4);
    writer.put(new TextEncoder().encode(identifier));
    writer.setU32(rootSlot, writer.write(root));
    writer.pad(16, 8);
    const shift = writer.length - 8;
    for (const { at, position } of writer.existingPatches) writer.setU32(at, position + shift - at);
    writer.put(original.subarray(8));
    return writer.bytes.slice(0, writer.length);
  }
}

// ---------------------------------------------------------------------------------------------
// The segmentation model

export interface ModelTensor {
  name: string;
  shape: number[];
  type: number;
}

export interface ModelSummary {
  inputs: ModelTensor[];
  outputs: ModelTensor[];
  bufferCount: number;
  metadataNames: string[];
}

function tensorsOf(reader: FlatBufferReader, subgraph: number, listId: number): ModelTensor[] {
  const tensors = reader.tables(reader.reference(subgraph, SUBGRAPH.tensors) ?? fail('the subgraph has no tensors'));
  const indices = reader.int32s(reader.reference(subgraph, listId) ?? fail('the subgraph has no inputs or outputs'));
  return indices.map((index) => {
    const tensor = tensors[index] ?? fail(`tensor ${index} is missing`);
    const shape = reader.reference(tensor, TENSOR.shape);
    const type = reader.field(tensor, TENSOR.type);
    const name = reader.reference(tensor, TENSOR.name);
    return {
      name: name === null ? '' : reader.string(name),
      shape: shape === null ? [] : reader.int32s(shape),
      type: type === null ? TENSOR_TYPE_FLOAT32 : reader.u8(type),
    };
  });
}

function fail(message: string): never {
  throw new Error(`TFLite model: ${message}`);
}

/** What a TFLite model holds: its first subgraph's inputs and outputs, buffers and metadata. */
export function summariseModel(model: Uint8Array): ModelSummary {
  const reader = new FlatBufferReader(model);
  if (reader.identifier() !== MODEL_IDENTIFIER) fail(`identifier ${JSON.stringify(reader.identifier())}, not ${MODEL_IDENTIFIER}`);
  const root = reader.root();
  const subgraph = reader.tables(reader.reference(root, MODEL.subgraphs) ?? fail('no subgraph'))[0] ?? fail('no subgraph');
  const buffers = reader.reference(root, MODEL.buffers);
  const metadata = reader.reference(root, MODEL.metadata);
  return {
    inputs: tensorsOf(reader, subgraph, SUBGRAPH.inputs),
    outputs: tensorsOf(reader, subgraph, SUBGRAPH.outputs),
    bufferCount: buffers === null ? 0 : reader.u32(buffers),
    metadataNames: metadata === null ? [] : reader.tables(metadata).map((entry) => {
      const name = reader.reference(entry, METADATA_ENTRY.name);
      return name === null ? '' : reader.string(name);
    }),
  };
}

/** The TFLite metadata buffer of a model (the `TFLITE_METADATA` entry), or null. */
export function modelMetadataBuffer(model: Uint8Array): Uint8Array | null {
  const reader = new FlatBufferReader(model);
  const root = reader.root();
  const metadata = reader.reference(root, MODEL.metadata);
  const buffers = reader.reference(root, MODEL.buffers);
  if (metadata === null || buffers === null) return null;
  for (const entry of reader.tables(metadata)) {
    const name = reader.reference(entry, METADATA_ENTRY.name);
    if (name === null || reader.string(name) !== TFLITE_METADATA_NAME) continue;
    const bufferIndex = reader.field(entry, METADATA_ENTRY.buffer);
    const buffer = reader.tables(buffers)[bufferIndex === null ? 0 : reader.u32(bufferIndex)];
    const data = buffer === undefined ? null : reader.reference(buffer, 0);
    return data === null ? null : reader.byteVector(data);
  }
  return null;
}

export interface SegmenterMetadata {
  name: string;
  description: string;
  version: string;
  author: string;
  license: string;
  /** Per-channel normalisation `(pixel - mean) / std` of the input image. */
  mean: number[];
  std: number[];
}

function tensorMetadata(tensor: ModelTensor, extra: Field[] = []): FlatObject {
  return table(text(tensor.name), undefined, undefined, ...extra);
}

/** The ModelMetadata flatbuffer (metadata_schema.fbs) of an image segmenter with an RGB input. */
export function segmenterMetadataBuffer(summary: ModelSummary, metadata: SegmenterMetadata): Uint8Array {
  const [input, ...otherInputs] = summary.inputs;
  if (!input || otherInputs.length > 0) fail('an image segmenter has exactly one input');
  const imageContent = table(u8(CONTENT_PROPERTIES_IMAGE), ref(table(u8(COLOR_SPACE_RGB))));
  const normalization = table(u8(PROCESS_UNIT_NORMALIZATION), ref(table(ref({ kind: 'floats', values: metadata.mean }), ref({ kind: 'floats', values: metadata.std }))));
  const inputMetadata = tensorMetadata(input, [ref(imageContent), ref({ kind: 'tables', items: [normalization] })]);
  const subgraph = table(
    undefined,
    undefined,
    ref({ kind: 'tables', items: [inputMetadata] }),
    ref({ kind: 'tables', items: summary.outputs.map((output) => tensorMetadata(output)) }),
  );
  return FlatBufferWriter.finish(
    table(
      text(metadata.name),
      text(metadata.description),
      text(metadata.version),
      ref({ kind: 'tables', items: [subgraph] }),
      text(metadata.author),
      text(metadata.license),
      undefined,
      text(MIN_PARSER_VERSION),
    ),
    METADATA_IDENTIFIER,
  );
}

/** The model with a `TFLITE_METADATA` entry describing it as an image segmenter. */
export function withSegmenterMetadata(model: Uint8Array, metadata: SegmenterMetadata): Uint8Array {
  const summary = summariseModel(model);
  if (summary.metadataNames.includes(TFLITE_METADATA_NAME)) fail('the model already has TFLite metadata');
  const [input] = summary.inputs;
  if (!input || input.type !== TENSOR_TYPE_FLOAT32 || input.shape.length !== 4 || input.shape[3] !== 3) {
    fail(`the input is not a float32 RGB image (shape ${JSON.stringify(input?.shape)}, type ${input?.type})`);
  }

  const reader = new FlatBufferReader(model);
  const root = reader.root();
  if (reader.fieldCount(root) > MODEL_FIELD_COUNT) fail('the Model table has fields this tool does not know');
  const existing = (id: number): Reference | undefined => {
    const target = reader.reference(root, id);
    return target === null ? undefined : ref({ kind: 'existing', position: target });
  };
  const existingTables = (id: number): FlatObject[] => {
    const vector = reader.reference(root, id);
    return vector === null ? [] : reader.tables(vector).map((position) => ({ kind: 'existing', position }) as const);
  };
  const versionField = reader.field(root, MODEL.version);

  const metadataBuffer = table(ref({ kind: 'bytes', value: segmenterMetadataBuffer(summary, metadata), align: 16 }));
  const buffers = [...existingTables(MODEL.buffers), metadataBuffer];
  const metadataEntry = table(text(TFLITE_METADATA_NAME), u32(buffers.length - 1));

  const fields: Field[] = [];
  fields[MODEL.version] = versionField === null ? undefined : u32(reader.u32(versionField));
  fields[MODEL.operatorCodes] = existing(MODEL.operatorCodes);
  fields[MODEL.subgraphs] = existing(MODEL.subgraphs);
  fields[MODEL.description] = existing(MODEL.description);
  fields[MODEL.buffers] = ref({ kind: 'tables', items: buffers });
  fields[MODEL.metadataBuffer] = existing(MODEL.metadataBuffer);
  fields[MODEL.metadata] = ref({ kind: 'tables', items: [...existingTables(MODEL.metadata), metadataEntry] });
  fields[MODEL.signatureDefs] = existing(MODEL.signatureDefs);
  return FlatBufferWriter.prepend({ kind: 'table', fields }, MODEL_IDENTIFIER, model);
}

export interface ReadSegmenterMetadata {
  identifier: string;
  name: string;
  minParserVersion: string;
  inputNames: string[];
  outputNames: string[];
  colorSpace: number | null;
  mean: number[];
  std: number[];
}

/** Reads back what `segmenterMetadataBuffer` wrote (for tests and checks). */
export function readSegmenterMetadata(buffer: Uint8Array): ReadSegmenterMetadata {
  const reader = new FlatBufferReader(buffer);
  const root = reader.root();
  const string = (tableAt: number, id: number) => {
    const at = reader.reference(tableAt, id);
    return at === null ? '' : reader.string(at);
  };
  const subgraph = reader.tables(reader.reference(root, 3) ?? fail('no subgraph metadata'))[0] ?? fail('no subgraph metadata');
  const inputs = reader.tables(reader.reference(subgraph, 2) ?? fail('no input metadata'));
  const outputs = reader.tables(reader.reference(subgraph, 3) ?? fail('no output metadata'));
  const input = inputs[0] ?? fail('no input metadata');
  const content = reader.reference(input, 3);
  const properties = content === null ? null : reader.reference(content, 1);
  const colorSpace = properties === null ? null : reader.field(properties, 0);
  const unit = reader.tables(reader.reference(input, 4) ?? fail('no process unit'))[0] ?? fail('no process unit');
  const unitType = reader.field(unit, 0);
  if (unitType === null || reader.u8(unitType) !== PROCESS_UNIT_NORMALIZATION) fail('the process unit is not a normalisation');
  const options = reader.reference(unit, 1) ?? fail('no normalisation options');
  return {
    identifier: reader.identifier(),
    name: string(root, 0),
    minParserVersion: string(root, 7),
    inputNames: inputs.map((tensor) => string(tensor, 0)),
    outputNames: outputs.map((tensor) => string(tensor, 0)),
    colorSpace: colorSpace === null ? null : reader.u8(colorSpace),
    mean: reader.float32s(reader.reference(options, 0) ?? fail('no mean')),
    std: reader.float32s(reader.reference(options, 1) ?? fail('no std')),
  };
}
