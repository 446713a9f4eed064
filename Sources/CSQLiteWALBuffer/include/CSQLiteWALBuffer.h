#ifndef ACCESSBOT_SQLITE_WAL_BUFFER_H
#define ACCESSBOT_SQLITE_WAL_BUFFER_H

/// The name of the SQLite VFS that gathers a connection's WAL writes into a few large ones
/// (124 KiB each: the most the unix VFS writes in one call).
///
/// SQLite writes every WAL frame as two `pwrite` calls (a 24-byte header, then the page), so
/// a group commit of 16 requests made about 140 system calls before its sync; on a virtual
/// machine each costs a few microseconds. This VFS wraps the platform's default one and keeps
/// a WAL file's consecutive writes in memory until the connection must let them out:
///
/// - before the WAL is synced, read, truncated, sized or closed;
/// - before the connection changes a lock on, or publishes through, the shared WAL index
///   (`xShmLock`, `xShmBarrier` on its database file), which is the only way another
///   connection learns of new frames;
/// - when a write does not follow the last one, or the buffer is full.
///
/// So no connection can see, and no sync can acknowledge, a frame that is still in memory,
/// and a rolled-back transaction's frames reach the file before the write lock is released,
/// exactly as they would without buffering. Files other than the WAL pass straight through.
///
/// Meant for a connection with `synchronous = FULL`: every commit then syncs the WAL before it
/// publishes anything, so a write that fails (a full disk) fails that commit, and only that
/// one. Under NORMAL a failure found while publishing cannot be reported, and the layer keeps
/// it for every later call instead.
extern const char *const accessbot_wal_buffer_vfs_name;

/// Registers the VFS once per process (not as the default); returns an SQLite status.
int accessbot_wal_buffer_register(void);

/// Tests: the next `count` flushes of buffered writes to the WAL at `walPath` fail with
/// `status` (an SQLite I/O error, say), as a full disk would; `count` 0 ends it.
void accessbot_wal_buffer_fail_flushes(const char *walPath, int count, int status);

#endif
