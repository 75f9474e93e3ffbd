package dev.flightplan.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file given on the command line could not be read, in words rather than class names. */
public final class FileProblem {
  private FileProblem() {}

  /** {@code cannot read PATH: no such file}, and so on, with the fix where there is one. */
  public static String describe(Path path, IOException e) {
    return "cannot read " + path + ": " + reason(path, e);
  }

  private static String reason(Path path, IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text; save it as UTF-8";
    }
    if (path.toFile().isDirectory()) {
      return "it is a directory; give a file";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "an I/O error" : message;
  }
}
