package org.quire.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.quire.app.Accounts;
import org.quire.model.QuireException;
import org.quire.store.AccountStore;
import org.quire.store.WorkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code quire accounts}: the keeper's way back in from the machine itself, when no admin can log
 * in (the only admin forgot the password and has no mail, say). Uses the database alone, so it also
 * works while the archive is served.
 */
@Command(
    name = "accounts",
    description = {
      "List accounts, make one an admin or a member, or make a password reset link for one.",
      "Works while the archive is served.",
      "  quire accounts list",
      "  quire accounts admin NAME        (make NAME an admin)",
      "  quire accounts member NAME       (make NAME a member again)",
      "  quire accounts reset-link NAME   (a link that sets a new password, once, for two days)"
    })
final class AccountsCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "list, admin, member or reset-link")
  String action;

  @Parameters(index = "1", arity = "0..1", description = "The account's name")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (WorkStore store = org.quire.app.Quire.openStore(parent.existing())) {
      AccountStore accounts = store.accounts();
      if (action.equals("list")) {
        for (int offset = 0; ; offset += 500) {
          var page = store.site().users(offset, 500);
          for (AccountStore.User u : page) {
            out.printf("%6d  %-8s  %s%n", u.id(), u.role().key(), u.name());
          }
          if (page.size() < 500) {
            break;
          }
        }
        out.printf("%d accounts.%n", accounts.countUsers());
        return 0;
      }
      if (name == null
          || !(action.equals("admin") || action.equals("member") || action.equals("reset-link"))) {
        spec.commandLine()
            .getErr()
            .println("Usage: quire accounts list | admin NAME | member NAME | reset-link NAME");
        return 2;
      }
      AccountStore.User u =
          accounts
              .userByName(name)
              .orElseThrow(() -> new QuireException("There is no account named " + name + "."));
      switch (action) {
        case "admin", "member" -> {
          store
              .site()
              .setRole(
                  u.id(),
                  action.equals("admin") ? AccountStore.Role.ADMIN : AccountStore.Role.MEMBER);
          out.println(u.name() + " is now " + (action.equals("admin") ? "an admin." : "a member."));
        }
        default -> {
          String secret = new Accounts(accounts).adminReset(u);
          String base = store.site().settings().getOrDefault("site.url", "");
          out.println(
              "Reset link for "
                  + u.name()
                  + " (works once, for two days): "
                  + (base.isEmpty() ? "http://HOST:PORT" : base.replaceAll("/+$", ""))
                  + "/reset/"
                  + secret);
        }
      }
    }
    return 0;
  }
}
