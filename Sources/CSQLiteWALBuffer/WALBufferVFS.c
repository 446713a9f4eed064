// A VFS over the default one that writes a connection's WAL frames in one system call per
// commit instead of two per frame. Why, and the rules that keep it safe: see the header.
#include "CSQLiteWALBuffer.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_nio_sqlite3.h"

const char *const accessbot_wal_buffer_vfs_name = "accessbot-wal-buffer";

/// Enough for a large group commit (16 creates write about 300 KiB); a bigger transaction
/// flushes whenever the buffer fills.
enum { initialCapacity = 512 << 10, maximumCapacity = 4 << 20 };

typedef struct BufferedFile BufferedFile;
struct BufferedFile {
    sqlite3_file base;
    /// The default VFS's file, allocated right after this struct.
    sqlite3_file *real;
    /// Main database: the name pointer SQLite opened it with, which identifies its pager.
    sqlite3_filename name;
    /// Main database: its connection's WAL, once that is open.
    BufferedFile *wal;
    /// WAL: its connection's main database file. NULL: not buffered, every call passes through.
    BufferedFile *database;
    /// WAL: the name SQLite opened it with.
    const char *walName;
    /// WAL: the writes held back, `length` bytes of the file from `offset`.
    unsigned char *bytes;
    sqlite3_int64 offset;
    size_t length;
    size_t capacity;
    /// WAL: the status of a write that failed where it could not be reported (`xShmBarrier`,
    /// an unlock); every later call reports it. A failure SQLite hears of at once (a sync that
    /// could not write, say on a full disk) fails only that transaction.
    int failed;
    /// Main database: the next open main database (see `openDatabases`).
    BufferedFile *nextOpen;
};

static sqlite3_vfs *realVFS;
/// Open main databases, so a WAL can find its own by name pointer.
static BufferedFile *openDatabases;
static pthread_mutex_t openDatabasesLock = PTHREAD_MUTEX_INITIALIZER;

/// The most one write below may carry: the unix VFS masks each `pwrite` it makes to 17 bits
/// (`nBuf &= 0x1ffff` in `seekAndWriteFd`), so a longer write would be cut short.
enum { largestWrite = 0x1F000 };

// MARK: Failures on request (tests)

static pthread_mutex_t injectionLock = PTHREAD_MUTEX_INITIALIZER;
static char *injectionPath;
static int injectionCount;
static int injectionStatus;

void accessbot_wal_buffer_fail_flushes(const char *walPath, int count, int status) {
    pthread_mutex_lock(&injectionLock);
    free(injectionPath);
    injectionPath = walPath && count > 0 ? strdup(walPath) : NULL;
    injectionStatus = status;
    __atomic_store_n(&injectionCount, injectionPath ? count : 0, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&injectionLock);
}

/// The status a test asked this flush to fail with, or SQLITE_OK.
static int injectedFailure(BufferedFile *file) {
    if (__atomic_load_n(&injectionCount, __ATOMIC_ACQUIRE) <= 0) return SQLITE_OK;
    int status = SQLITE_OK;
    pthread_mutex_lock(&injectionLock);
    if (injectionPath && injectionCount > 0 && file->walName && strcmp(file->walName, injectionPath) == 0) {
        __atomic_store_n(&injectionCount, injectionCount - 1, __ATOMIC_RELEASE);
        status = injectionStatus;
    }
    pthread_mutex_unlock(&injectionLock);
    return status;
}

static int flush(BufferedFile *file) {
    if (file->failed) return file->failed;
    if (file->length > 0) {
        int injected = injectedFailure(file);
        if (injected != SQLITE_OK) {
            file->length = 0;
            return injected;
        }
    }
    int status = SQLITE_OK;
    for (size_t done = 0; done < file->length && status == SQLITE_OK; done += largestWrite) {
        size_t amount = file->length - done < largestWrite ? file->length - done : largestWrite;
        status = file->real->pMethods->xWrite(file->real, file->bytes + done, (int)amount, file->offset + (sqlite3_int64)done);
    }
    file->length = 0;
    return status;
}

/// Lets a database's WAL writes out before its connection touches the shared WAL index.
static int flushWALOf(BufferedFile *database) {
    return database->wal ? flush(database->wal) : SQLITE_OK;
}

/// For the calls that cannot report a failure: it is kept for the WAL's next call instead.
static void flushWALOfOrKeepFailure(BufferedFile *database) {
    int status = flushWALOf(database);
    if (status != SQLITE_OK && database->wal) database->wal->failed = status;
}

static int isBufferedWAL(BufferedFile *file) { return file->database != NULL; }

// MARK: File methods

static int fileClose(sqlite3_file *base) {
    BufferedFile *file = (BufferedFile *)base;
    int flushed = SQLITE_OK;
    if (isBufferedWAL(file)) {
        flushed = flush(file);
        if (file->database->wal == file) file->database->wal = NULL;
        file->database = NULL;
    }
    if (file->name) {
        pthread_mutex_lock(&openDatabasesLock);
        for (BufferedFile **link = &openDatabases; *link; link = &(*link)->nextOpen) {
            if (*link == file) {
                *link = file->nextOpen;
                break;
            }
        }
        pthread_mutex_unlock(&openDatabasesLock);
        // SQLite closes the WAL first; should it not, the WAL writes what it holds and goes
        // on unbuffered.
        if (file->wal) {
            int status = flush(file->wal);
            if (flushed == SQLITE_OK) flushed = status;
            file->wal->database = NULL;
        }
    }
    free(file->bytes);
    file->bytes = NULL;
    int closed = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    return flushed != SQLITE_OK ? flushed : closed;
}

static int fileRead(sqlite3_file *base, void *data, int amount, sqlite3_int64 offset) {
    BufferedFile *file = (BufferedFile *)base;
    if (isBufferedWAL(file)) {
        int status = flush(file);
        if (status != SQLITE_OK) return status;
    }
    return file->real->pMethods->xRead(file->real, data, amount, offset);
}

/// Makes room for `needed` bytes; false when that would pass `maximumCapacity`.
static int reserve(BufferedFile *file, size_t needed) {
    if (needed <= file->capacity) return 1;
    if (needed > maximumCapacity) return 0;
    size_t capacity = file->capacity ? file->capacity : initialCapacity;
    while (capacity < needed) capacity *= 2;
    if (capacity > maximumCapacity) capacity = maximumCapacity;
    unsigned char *bytes = realloc(file->bytes, capacity);
    if (!bytes) return 0;
    file->bytes = bytes;
    file->capacity = capacity;
    return 1;
}

static int fileWrite(sqlite3_file *base, const void *data, int amount, sqlite3_int64 offset) {
    BufferedFile *file = (BufferedFile *)base;
    if (!isBufferedWAL(file)) return file->real->pMethods->xWrite(file->real, data, amount, offset);
    if (file->failed) return file->failed;
    if (file->length > 0 && offset != file->offset + (sqlite3_int64)file->length) {
        int status = flush(file);
        if (status != SQLITE_OK) return status;
    }
    if (!reserve(file, file->length + (size_t)amount)) {
        int status = flush(file);
        if (status != SQLITE_OK) return status;
        if (!reserve(file, (size_t)amount)) return file->real->pMethods->xWrite(file->real, data, amount, offset);
    }
    if (file->length == 0) file->offset = offset;
    memcpy(file->bytes + file->length, data, (size_t)amount);
    file->length += (size_t)amount;
    return SQLITE_OK;
}

static int fileTruncate(sqlite3_file *base, sqlite3_int64 size) {
    BufferedFile *file = (BufferedFile *)base;
    if (isBufferedWAL(file)) {
        int status = flush(file);
        if (status != SQLITE_OK) return status;
    }
    return file->real->pMethods->xTruncate(file->real, size);
}

static int fileSync(sqlite3_file *base, int flags) {
    BufferedFile *file = (BufferedFile *)base;
    if (isBufferedWAL(file)) {
        int status = flush(file);
        if (status != SQLITE_OK) return status;
    }
    return file->real->pMethods->xSync(file->real, flags);
}

static int fileSize(sqlite3_file *base, sqlite3_int64 *size) {
    BufferedFile *file = (BufferedFile *)base;
    if (isBufferedWAL(file)) {
        int status = flush(file);
        if (status != SQLITE_OK) return status;
    }
    return file->real->pMethods->xFileSize(file->real, size);
}

static int fileLock(sqlite3_file *base, int level) {
    BufferedFile *file = (BufferedFile *)base;
    return file->real->pMethods->xLock(file->real, level);
}

static int fileUnlock(sqlite3_file *base, int level) {
    BufferedFile *file = (BufferedFile *)base;
    return file->real->pMethods->xUnlock(file->real, level);
}

static int fileCheckReservedLock(sqlite3_file *base, int *result) {
    BufferedFile *file = (BufferedFile *)base;
    return file->real->pMethods->xCheckReservedLock(file->real, result);
}

static int fileControl(sqlite3_file *base, int operation, void *argument) {
    BufferedFile *file = (BufferedFile *)base;
    if (isBufferedWAL(file)) {
        int status = flush(file);
        if (status != SQLITE_OK) return status;
    }
    if (operation == SQLITE_FCNTL_VFSNAME && argument) {
        // Name this layer in front of the ones below, as SQLite's own shims do.
        int status = file->real->pMethods->xFileControl(file->real, operation, argument);
        char *below = *(char **)argument;
        *(char **)argument = sqlite_nio_sqlite3_mprintf("%s/%z", accessbot_wal_buffer_vfs_name, below);
        return status == SQLITE_NOTFOUND ? SQLITE_OK : status;
    }
    return file->real->pMethods->xFileControl(file->real, operation, argument);
}

static int fileSectorSize(sqlite3_file *base) {
    BufferedFile *file = (BufferedFile *)base;
    return file->real->pMethods->xSectorSize(file->real);
}

static int fileDeviceCharacteristics(sqlite3_file *base) {
    BufferedFile *file = (BufferedFile *)base;
    return file->real->pMethods->xDeviceCharacteristics(file->real);
}

static int fileShmMap(sqlite3_file *base, int page, int pageSize, int extend, void volatile **mapped) {
    BufferedFile *file = (BufferedFile *)base;
    return file->real->pMethods->xShmMap(file->real, page, pageSize, extend, mapped);
}

static int fileShmLock(sqlite3_file *base, int offset, int count, int flags) {
    BufferedFile *file = (BufferedFile *)base;
    if (flags & SQLITE_SHM_UNLOCK) {
        // An unlock must happen whatever the flush says: a lock left held would stall every
        // other connection; SQLite does not look at an unlock's status.
        flushWALOfOrKeepFailure(file);
        return file->real->pMethods->xShmLock(file->real, offset, count, flags);
    }
    int status = flushWALOf(file);
    if (status != SQLITE_OK) return status;
    return file->real->pMethods->xShmLock(file->real, offset, count, flags);
}

static void fileShmBarrier(sqlite3_file *base) {
    BufferedFile *file = (BufferedFile *)base;
    flushWALOfOrKeepFailure(file);
    file->real->pMethods->xShmBarrier(file->real);
}

static int fileShmUnmap(sqlite3_file *base, int deleteFlag) {
    BufferedFile *file = (BufferedFile *)base;
    flushWALOfOrKeepFailure(file);
    return file->real->pMethods->xShmUnmap(file->real, deleteFlag);
}

static int fileFetch(sqlite3_file *base, sqlite3_int64 offset, int amount, void **pointer) {
    BufferedFile *file = (BufferedFile *)base;
    return file->real->pMethods->xFetch(file->real, offset, amount, pointer);
}

static int fileUnfetch(sqlite3_file *base, sqlite3_int64 offset, void *pointer) {
    BufferedFile *file = (BufferedFile *)base;
    return file->real->pMethods->xUnfetch(file->real, offset, pointer);
}

static const sqlite3_io_methods bufferedMethods = {
    3, fileClose, fileRead, fileWrite, fileTruncate, fileSync, fileSize, fileLock, fileUnlock,
    fileCheckReservedLock, fileControl, fileSectorSize, fileDeviceCharacteristics, fileShmMap,
    fileShmLock, fileShmBarrier, fileShmUnmap, fileFetch, fileUnfetch,
};

// MARK: VFS methods

static int vfsOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *base, int flags, int *outFlags) {
    (void)vfs;
    BufferedFile *file = (BufferedFile *)base;
    memset(file, 0, sizeof(*file));
    file->real = (sqlite3_file *)(file + 1);
    int status = realVFS->xOpen(realVFS, name, file->real, flags, outFlags);
    if (status != SQLITE_OK) {
        // SQLite calls xClose only if pMethods is set; a half-opened real file may need it.
        if (file->real->pMethods) file->real->pMethods->xClose(file->real);
        return status;
    }
    // Every call this layer forwards must exist below it (the unix VFS has them all).
    if (file->real->pMethods->iVersion < 3) {
        file->real->pMethods->xClose(file->real);
        return SQLITE_CANTOPEN;
    }
    file->base.pMethods = &bufferedMethods;
    if ((flags & SQLITE_OPEN_MAIN_DB) && name) {
        file->name = name;
        pthread_mutex_lock(&openDatabasesLock);
        file->nextOpen = openDatabases;
        openDatabases = file;
        pthread_mutex_unlock(&openDatabasesLock);
    } else if ((flags & SQLITE_OPEN_WAL) && name) {
        sqlite3_filename database = sqlite_nio_sqlite3_filename_database(name);
        pthread_mutex_lock(&openDatabasesLock);
        for (BufferedFile *open = openDatabases; open; open = open->nextOpen) {
            if (open->name == database && open->wal == NULL) {
                open->wal = file;
                file->database = open;
                file->walName = name;
                break;
            }
        }
        pthread_mutex_unlock(&openDatabasesLock);
    }
    return SQLITE_OK;
}

static int vfsDelete(sqlite3_vfs *vfs, const char *name, int syncDirectory) {
    (void)vfs;
    return realVFS->xDelete(realVFS, name, syncDirectory);
}

static int vfsAccess(sqlite3_vfs *vfs, const char *name, int flags, int *result) {
    (void)vfs;
    return realVFS->xAccess(realVFS, name, flags, result);
}

static int vfsFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    (void)vfs;
    return realVFS->xFullPathname(realVFS, name, size, out);
}

static void *vfsDlOpen(sqlite3_vfs *vfs, const char *name) {
    (void)vfs;
    return realVFS->xDlOpen(realVFS, name);
}

static void vfsDlError(sqlite3_vfs *vfs, int size, char *message) {
    (void)vfs;
    realVFS->xDlError(realVFS, size, message);
}

static void (*vfsDlSym(sqlite3_vfs *vfs, void *library, const char *symbol))(void) {
    (void)vfs;
    return realVFS->xDlSym(realVFS, library, symbol);
}

static void vfsDlClose(sqlite3_vfs *vfs, void *library) {
    (void)vfs;
    realVFS->xDlClose(realVFS, library);
}

static int vfsRandomness(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs;
    return realVFS->xRandomness(realVFS, size, out);
}

static int vfsSleep(sqlite3_vfs *vfs, int microseconds) {
    (void)vfs;
    return realVFS->xSleep(realVFS, microseconds);
}

static int vfsCurrentTime(sqlite3_vfs *vfs, double *now) {
    (void)vfs;
    return realVFS->xCurrentTime(realVFS, now);
}

static int vfsGetLastError(sqlite3_vfs *vfs, int size, char *message) {
    (void)vfs;
    return realVFS->xGetLastError(realVFS, size, message);
}

static int vfsCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *now) {
    (void)vfs;
    return realVFS->xCurrentTimeInt64(realVFS, now);
}

static sqlite3_vfs bufferedVFS;
static int registerStatus = SQLITE_ERROR;
static pthread_once_t registerOnce = PTHREAD_ONCE_INIT;

static void registerVFS(void) {
    realVFS = sqlite_nio_sqlite3_vfs_find(NULL);
    if (!realVFS || realVFS->iVersion < 2 || !realVFS->xCurrentTimeInt64) {
        registerStatus = SQLITE_ERROR;
        return;
    }
    bufferedVFS.iVersion = 2;
    bufferedVFS.szOsFile = (int)sizeof(BufferedFile) + realVFS->szOsFile;
    bufferedVFS.mxPathname = realVFS->mxPathname;
    bufferedVFS.zName = accessbot_wal_buffer_vfs_name;
    bufferedVFS.xOpen = vfsOpen;
    bufferedVFS.xDelete = vfsDelete;
    bufferedVFS.xAccess = vfsAccess;
    bufferedVFS.xFullPathname = vfsFullPathname;
    bufferedVFS.xDlOpen = vfsDlOpen;
    bufferedVFS.xDlError = vfsDlError;
    bufferedVFS.xDlSym = vfsDlSym;
    bufferedVFS.xDlClose = vfsDlClose;
    bufferedVFS.xRandomness = vfsRandomness;
    bufferedVFS.xSleep = vfsSleep;
    bufferedVFS.xCurrentTime = vfsCurrentTime;
    bufferedVFS.xGetLastError = vfsGetLastError;
    bufferedVFS.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    registerStatus = sqlite_nio_sqlite3_vfs_register(&bufferedVFS, 0);
}

int accessbot_wal_buffer_register(void) {
    pthread_once(&registerOnce, registerVFS);
    return registerStatus;
}
