package org.quire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.store.AccountStore;
import org.quire.store.WorkStore;

class AccountsTest {
  @TempDir Path tmp;

  @Test
  void theOnlyAdminCannotLeaveTheArchiveWithoutOne() {
    try (WorkStore store = Quire.openStore(QuireConfig.embedded(tmp.resolve("data")))) {
      Accounts accounts = new Accounts(store.accounts());
      AccountStore.User keeper = accounts.signUp("Keeper", null, "correct horse battery");
      AccountStore.User member = accounts.signUp("Member", null, "correct horse battery");
      assertThat(keeper.role()).isEqualTo(AccountStore.Role.ADMIN);
      assertThatThrownBy(() -> accounts.delete(keeper, "correct horse battery"))
          .hasMessageContaining("only admin");
      assertThat(store.accounts().user(keeper.id())).isPresent();
      store.site().setRole(member.id(), AccountStore.Role.ADMIN);
      accounts.delete(keeper, "correct horse battery");
      assertThat(store.accounts().user(keeper.id())).isEmpty();
    }
  }

  @Test
  void namesThatImitateOthersAreRefused() {
    assertThat(Accounts.mixesScripts("Kеnnedy")).isTrue(); // a Cyrillic е
    assertThat(Accounts.mixesScripts("Kennedy")).isFalse();
    assertThat(Accounts.mixesScripts("Кеннеди")).isFalse();
    assertThat(Accounts.mixesScripts("山田はなこ")).isFalse();
    assertThat(Accounts.mixesScripts("Anya_2 Jenkins")).isFalse();
  }
}
