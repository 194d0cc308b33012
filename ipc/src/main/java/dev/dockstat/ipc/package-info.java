/** The serve-ipc protocol (../shared/PROTOCOL.md): wire records, the JSON-lines codec, the dispatcher. */
package dev.dockstat.ipc;
