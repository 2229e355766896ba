package org.isthmus.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/library.md compile against the current code and run: every ```java block
 * is a complete program, compiled with the JDK's compiler on the test class path and executed;
 * each must print something and finish without an exception.
 */
class LibraryDocsTest {

    static final Path DOC = Path.of("..", "docs", "library.md");

    @Test
    void everyExampleCompilesAndRuns(@TempDir Path tmp) throws Exception {
        String text = Files.readString(DOC);
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertTrue(blocks.size() >= 4, "examples found: " + blocks.size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK (not a JRE) runs the tests");
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path out = Files.createDirectories(tmp.resolve("classes"));
        List<String> names = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", classPath(), "-proc:none"));
        for (String b : blocks) {
            Matcher c = Pattern.compile("public class (\\w+)").matcher(b);
            assertTrue(c.find(), "an example without a public class:\n" + b);
            Path file = src.resolve(c.group(1) + ".java");
            Files.writeString(file, b);
            names.add(c.group(1));
            args.add(file.toString());
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(new String[0]));
        assertEquals(0, rc, "docs/library.md examples do not compile:\n" + err.toString(StandardCharsets.UTF_8));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            for (String name : names) {
                Method main = loader.loadClass(name).getMethod("main", String[].class);
                PrintStream old = System.out;
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                try {
                    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                    main.invoke(null, (Object) new String[0]);
                } finally {
                    System.setOut(old);
                }
                String s = printed.toString(StandardCharsets.UTF_8);
                assertFalse(s.isBlank(), name + " printed nothing");
                assertFalse(s.contains("NaN"), name + " printed NaN:\n" + s);
                System.out.print(name + ": " + s);
            }
        }
    }

    /** The class path of this test run, expanded from surefire's manifest-only jar if it uses one. */
    private static String classPath() throws Exception {
        String cp = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            entries.add(e);
            if (e.endsWith(".jar") && e.contains("surefire")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(e)) {
                    java.util.jar.Manifest mf = jar.getManifest();
                    String extra = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
                    if (extra != null) {
                        for (String u : extra.split(" ")) {
                            if (!u.isBlank()) {
                                entries.add(Path.of(new java.net.URI(u)).toString());
                            }
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
