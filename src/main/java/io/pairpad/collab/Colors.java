package io.pairpad.collab;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks each newcomer a colour no one else in the room has, while the palette lasts. */
final class Colors {
    static final List<String> PALETTE = List.of(
            "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
            "#469990", "#800000", "#808000", "#000075", "#bfef45", "#fabed4", "#dcbeff", "#ffd8b1");

    private Colors() {
    }

    static String pick(Collection<? extends RoomUser> present) {
        Set<String> taken = present.stream().map(RoomUser::color).collect(Collectors.toSet());
        for (String color : PALETTE) {
            if (!taken.contains(color)) {
                return color;
            }
        }
        return PALETTE.get(present.size() % PALETTE.size());
    }
}
