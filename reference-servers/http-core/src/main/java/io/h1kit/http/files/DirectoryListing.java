package io.h1kit.http.files;

import io.h1kit.http.HttpDate;
import io.h1kit.http.Html;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The HTML5 index page of a directory: a parent link, then the entries, directories first and
 * each group sorted by name in code-point order (locale-independent, so the order is the same on
 * every machine). Only what a GET would serve is listed: hidden names, symlinks that leave the
 * root and anything but regular files and directories are left out. No scripts, no external
 * assets. Stateless and thread-safe.
 */
public final class DirectoryListing {
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    /** One listed entry. */
    record Entry(String name, boolean directory, long size, long lastModified) {
    }

    private static final Comparator<Entry> ORDER =
            Comparator.comparing((Entry e) -> !e.directory()).thenComparing(Entry::name);

    private DirectoryListing() {
    }

    /**
     * Reads {@code directory} and renders its page.
     *
     * @param mapper         the mapper that found the directory; it decides what may be listed
     * @param directory      a directory mapping whose request path ends in "/"
     * @param nowEpochSecond the server's clock; modification times after it show as now
     * @throws IOException if the directory cannot be read
     */
    public static String render(PathMapper mapper, PathMapping.Found directory, long nowEpochSecond) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory.file())) {
            for (Path child : stream) {
                if (mapper.mapChild(directory, child.getFileName().toString()) instanceof PathMapping.Found found) {
                    Entry entry = entry(found, nowEpochSecond);
                    if (entry != null) {
                        entries.add(entry);
                    }
                }
            }
        }
        entries.sort(ORDER);
        return page(directory.decodedPath(), directory.file().equals(mapper.root()), entries);
    }

    /** The entry for a child, named as the directory holds it; null if it cannot be served. */
    private static Entry entry(PathMapping.Found child, long nowEpochSecond) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(child.file(), BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // vanished or unreadable since the directory was read
        }
        if (!attributes.isDirectory() && !attributes.isRegularFile()) {
            return null;
        }
        String name = child.decodedPath().substring(child.decodedPath().lastIndexOf('/') + 1);
        long seconds = Math.floorDiv(attributes.lastModifiedTime().toMillis(), 1000);
        return new Entry(name, attributes.isDirectory(), attributes.isDirectory() ? -1 : attributes.size(),
                Math.max(0, Math.min(seconds, nowEpochSecond)));
    }

    /** The page itself; a pure function of its arguments. */
    static String page(String decodedPath, boolean atRoot, List<Entry> entries) {
        String title = Html.escape("Index of " + decodedPath);
        StringBuilder sb = new StringBuilder(512 + entries.size() * 160);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(title).append("</title>\n</head>\n<body>\n<h1>").append(title).append("</h1>\n")
                .append("<table>\n<thead><tr><th>Name</th><th>Size (bytes)</th><th>Last modified</th></tr></thead>\n")
                .append("<tbody>\n");
        if (!atRoot) {
            sb.append("<tr><td><a href=\"../\">../</a></td><td>-</td><td></td></tr>\n");
        }
        for (Entry e : entries) {
            String slash = e.directory() ? "/" : "";
            // The href is percent-encoded (a URI reference), the text HTML-escaped (markup).
            sb.append("<tr><td><a href=\"").append(Html.escape(PathMapper.encodeSegment(e.name()))).append(slash)
                    .append("\">").append(Html.escape(e.name())).append(slash).append("</a></td><td>")
                    .append(e.directory() ? "-" : Long.toString(e.size())).append("</td><td>")
                    .append(HttpDate.format(e.lastModified())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</body>\n</html>\n");
        return sb.toString();
    }
}
