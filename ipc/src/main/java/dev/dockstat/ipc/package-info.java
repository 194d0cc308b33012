/** The serve-ipc protocol (docs/serve-ipc.md): wire records, the JSON-lines codec, the dispatcher. */
package dev.dockstat.ipc;
