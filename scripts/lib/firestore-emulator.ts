import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { SetupError } from "./log.js";

/** The Firestore emulator from Debian's google-cloud-cli-firestore-emulator package. */
export const DEBIAN_FIRESTORE_JAR =
  "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
const MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";

/**
 * firebase-tools cannot download its own Firestore emulator here, and starts an override
 * with `java -jar`. The Debian jar has no Main-Class, so this writes a one-file wrapper
 * jar whose manifest names the main class and puts the Debian jar on the class path.
 */
export function prepareFirestoreEmulator(cacheDir: string): string {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) return process.env.FIRESTORE_EMULATOR_BINARY_PATH;
  if (!existsSync(DEBIAN_FIRESTORE_JAR)) {
    throw new SetupError(
      `The Firestore emulator is missing (${DEBIAN_FIRESTORE_JAR}). Install it with ` +
        "`apt-get install -y google-cloud-cli-firestore-emulator`, or set FIRESTORE_EMULATOR_BINARY_PATH.",
    );
  }
  const wrapper = join(cacheDir, "firestore-emulator-wrapper.jar");
  mkdirSync(cacheDir, { recursive: true });
  const manifest = Buffer.from(
    `Manifest-Version: 1.0\r\nMain-Class: ${MAIN_CLASS}\r\nClass-Path: file:${DEBIAN_FIRESTORE_JAR}\r\n\r\n`,
  );
  writeFileSync(wrapper, storedZip("META-INF/MANIFEST.MF", manifest));
  return wrapper;
}

/** A zip archive holding one uncompressed file: all a manifest-only jar needs. */
function storedZip(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const checksum = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(checksum, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(checksum, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const localSize = local.length + fileName.length + data.length;
  const centralSize = central.length + fileName.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}
