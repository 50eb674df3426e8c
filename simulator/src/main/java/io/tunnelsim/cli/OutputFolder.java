package io.tunnelsim.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A result folder written all at once. A command writes into a temporary sibling
 * ({@code .NAME.partial-PID}) and, only when every file is complete, the previous folder (if
 * any) is renamed aside to {@code .NAME.old-PID}, the new one renamed into place, and the old
 * one deleted. A reader of {@code NAME} therefore sees the previous complete result set, the
 * new complete one, or (for an instant, or after a kill between the two renames) none; never
 * a mix, never stale files of an earlier run beside new ones.
 *
 * <p>Leftovers of a killed run are cleaned up by the next run into the same folder: partial
 * folders of processes that no longer exist are deleted, and a previous result set that was
 * renamed aside but not yet replaced is put back.
 *
 * <p>Hidden files at the top of the previous folder (a {@code .gitignore}) are kept.
 *
 * <p>An existing folder is replaced only when it is empty or holds results (a
 * {@code summary.json}); any other folder is refused before simulating, so that {@code --out}
 * can never delete unrelated files.
 *
 * <p>Simplifications: no fsync; the guarantee holds for a killed process (the kernel keeps
 * the written data), not for a power loss.
 */
final class OutputFolder implements AutoCloseable {
    /** The file every result folder (run, compare, sweep) has. */
    static final String RESULT_MARKER = "summary.json";
    private static final String PARTIAL = ".partial-";
    private static final String OLD = ".old-";

    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputFolder(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Checks that {@code target} may be replaced and creates the temporary folder beside it,
     * before anything is simulated.
     */
    static OutputFolder prepare(Path target) throws BadInputException {
        Path t = target.toAbsolutePath().normalize();
        Path parent = t.getParent();
        if (parent == null || t.getFileName() == null) {
            throw new BadInputException("cannot use " + target + " as the output folder (choose a folder below it)");
        }
        String name = t.getFileName().toString();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BadInputException("cannot create the output folder's parent " + parent + ": " + reason(e));
        }
        recover(parent, name);
        if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException("output folder " + target + " exists and is not a folder; choose another --out");
            }
            if (!isEmpty(t) && !Files.isRegularFile(t.resolve(RESULT_MARKER), LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException("output folder " + target + " exists and holds files that are not results"
                        + " (no " + RESULT_MARKER + "); a run replaces its output folder as a whole, so choose a new"
                        + " or empty folder for --out");
            }
        }
        Path temp = parent.resolve("." + name + PARTIAL + ProcessHandle.current().pid());
        try {
            deleteTree(temp);
            Files.createDirectory(temp);
        } catch (IOException e) {
            throw new BadInputException("cannot write to the output folder's parent " + parent + ": " + reason(e));
        }
        return new OutputFolder(t, temp);
    }

    /** Where the command writes its files. */
    Path dir() {
        return temp;
    }

    /** Puts the complete result set in place of the previous one. */
    void commit() throws IOException {
        Path parent = target.getParent();
        Path old = parent.resolve("." + target.getFileName() + OLD + ProcessHandle.current().pid());
        deleteTree(old);
        boolean hadOld = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (hadOld) {
            keepHiddenFiles();
            move(target, old);
        }
        move(temp, target);
        committed = true;
        if (hadOld) {
            deleteTree(old);
        }
    }

    /**
     * Hidden files at the top of the previous folder ({@code .gitignore} of a committed
     * reference report) are not results; they are carried over into the new folder.
     */
    private void keepHiddenFiles() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, ".*")) {
            for (Path p : ds) {
                Path to = temp.resolve(p.getFileName().toString());
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Without {@link #commit()}: the partial results are deleted, the previous ones stay. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(temp);
            } catch (IOException e) {
                // left for the next run's clean-up
            }
        }
    }

    /** Removes leftovers of killed runs into {@code parent/name}; restores a result set left aside. */
    private static void recover(Path parent, String name) throws BadInputException {
        String partial = "." + name + PARTIAL;
        String old = "." + name + OLD;
        List<Path> siblings = new java.util.ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "." + glob(name) + ".*-*")) {
            ds.forEach(siblings::add);
        } catch (IOException e) {
            throw new BadInputException("cannot read the output folder's parent " + parent + ": " + reason(e));
        }
        siblings.sort(null);
        try {
            for (Path p : siblings) {
                String f = p.getFileName().toString();
                String pid = f.startsWith(partial) ? f.substring(partial.length())
                        : f.startsWith(old) ? f.substring(old.length()) : null;
                if (pid == null || !pid.chars().allMatch(Character::isDigit) || pid.isEmpty() || alive(pid)) {
                    continue; // not ours, or a run still in progress
                }
                if (f.startsWith(old) && !Files.exists(parent.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    move(p, parent.resolve(name)); // killed between the two renames: the previous results
                } else {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new BadInputException("cannot clean up an interrupted run beside " + parent.resolve(name) + ": " + reason(e));
        }
    }

    private static boolean alive(String pid) {
        try {
            long p = Long.parseLong(pid);
            return p != ProcessHandle.current().pid() && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String glob(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isEmpty(Path dir) throws BadInputException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        } catch (IOException e) {
            throw new BadInputException("cannot read the output folder " + dir + ": " + reason(e));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return m != null ? m : kind;
    }
}
