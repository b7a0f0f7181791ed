"""Hard multi-outlet events, part 1 (original texts written for this repository)."""

ARTICLES = [
    # ---- E1 / E2: two shootings in the same city on the same day --------------------------------
    dict(
        id="h01",
        event_id="h-memphis-barbershop-shooting",
        published="2025-09-14",
        published_at="2025-09-14T07:10:00-05:00",
        outlet="WMTN 3 Memphis",
        title="2 killed, 3 hurt in shooting at Whitehaven barbershop",
        text=(
            "MEMPHIS, Tenn. (WMTN) — Two men were killed and three other people were wounded when a gunman "
            "opened fire inside a barbershop in Whitehaven on Saturday afternoon, Memphis police said.\n\n"
            "Officers were called to Kings & Crowns Barber Lounge on Elvis Presley Boulevard at about 3:20 p.m. "
            "Police spokesperson Lt. Carla Jennings said the gunman walked in, argued briefly with a customer "
            "and started shooting before running to a waiting car.\n\n"
            "The three wounded were taken to Regional One Health; one is in critical condition.\n\n"
            "No arrests had been made by late Saturday. Police asked anyone with video from the strip mall to "
            "call CrimeStoppers."
        ),
        gold=dict(
            category="violent_attack",
            killed=dict(value=2, qualifier="exact"),
            injured=dict(value=3, qualifier="exact"),
        ),
    ),
    dict(
        id="h02",
        event_id="h-memphis-barbershop-shooting",
        published="2025-09-15",
        published_at="2025-09-15T11:30:00-05:00",
        outlet="The Delta Ledger",
        title="Third victim dies after Elvis Presley Boulevard barbershop shooting",
        text=(
            "A third person has died after Saturday's shooting at a Whitehaven barbershop, the Shelby County "
            "Medical Examiner's office confirmed on Monday.\n\n"
            "Deshawn Polk, 24, who had been in critical condition at Regional One Health, died on Sunday night. "
            "Two other people wounded in the shooting at Kings & Crowns Barber Lounge are expected to recover, "
            "police said. The attack left three people dead and two injured.\n\n"
            "Memphis police on Monday released images of a silver sedan seen leaving the strip mall on Elvis "
            "Presley Boulevard and said investigators believe the gunman knew one of the customers."
        ),
        gold=dict(
            category="violent_attack",
            killed=dict(value=3, qualifier="exact"),
            injured=dict(value=2, qualifier="exact"),
        ),
    ),
    dict(
        id="h03",
        event_id="h-memphis-gas-station-shooting",
        published="2025-09-14",
        published_at="2025-09-14T08:05:00-05:00",
        outlet="WMTN 3 Memphis",
        title="Teen killed in shooting at Frayser gas station",
        text=(
            "MEMPHIS, Tenn. (WMTN) — A 17-year-old was killed and a woman was injured in a shooting at a gas "
            "station in Frayser late Saturday night, Memphis police said.\n\n"
            "Police were called to the Quik Fuel station on Frayser Boulevard at about 11:45 p.m. and found the "
            "teenager shot in the parking lot. He was pronounced dead at the scene. A 41-year-old woman who was "
            "pumping gas was grazed by a bullet and treated at a hospital.\n\n"
            "Investigators said the shooting appears to have followed a fight between two groups of young men. "
            "It came hours after a separate shooting at a barbershop in Whitehaven."
        ),
        gold=dict(
            category="violent_attack",
            killed=dict(value=1, qualifier="exact"),
            injured=dict(value=1, qualifier="exact"),
        ),
    ),
    dict(
        id="h04",
        event_id="h-memphis-gas-station-shooting",
        published="2025-09-15",
        published_at="2025-09-15T09:00:00-05:00",
        outlet="Mid-South Courier",
        title="Police name teen shot dead at Frayser Boulevard station",
        text=(
            "Memphis police on Sunday identified the 17-year-old shot dead outside the Quik Fuel station on "
            "Frayser Boulevard as Jalen Terry, a junior at Trezevant High School.\n\n"
            "Terry was killed shortly before midnight on Saturday when several shots were fired across the "
            "station's parking lot. A woman was slightly wounded. Police said two young men seen running toward "
            "Overton Crossing Street were being sought.\n\n"
            '"He was a good kid who loved basketball," his aunt, Monique Terry, said. The shooting was one of '
            "two in the city on Saturday in which people were killed."
        ),
        gold=dict(
            category="violent_attack",
            killed=dict(value=1, qualifier="exact"),
            injured=dict(value=1, qualifier="exact"),
        ),
    ),
    # ---- E3: concert hall attack: toll conflict, capacity, unverified claim and a denial ------------
    dict(
        id="h05",
        event_id="h-almaty-concert-hall-attack",
        published="2025-11-22",
        published_at="2025-11-22T06:40:00+00:00",
        outlet="Steppe News Agency",
        title="Gunmen attack concert hall in Almaty, at least 60 dead",
        text=(
            "ALMATY, Kazakhstan, Nov 22 (SNA) - Gunmen opened fire on spectators and set fire to a concert hall "
            "in Almaty on Friday night, killing at least 60 people and injuring 145, the health ministry said.\n\n"
            "The attack at the Arman Concert Hall, which holds about 6,200 people, began minutes before a pop "
            "concert was due to start. Four attackers were detained overnight, the interior ministry said.\n\n"
            "A group calling itself the Southern Front said in a statement posted on Telegram that it carried "
            "out the attack. The claim could not be independently verified."
        ),
        gold=dict(
            category="violent_attack",
            killed=dict(value=60, qualifier="at_least"),
            injured=dict(value=145, qualifier="exact"),
        ),
    ),
    dict(
        id="h06",
        event_id="h-almaty-concert-hall-attack",
        published="2025-11-22",
        published_at="2025-11-22T09:15:00+00:00",
        outlet="Eurasia Daily",
        title="Almaty concert hall attack: 62 killed, more than 100 hurt",
        text=(
            "Sixty-two people were killed and more than 100 were injured when armed men stormed the Arman "
            "Concert Hall in Almaty on Friday evening, Kazakh officials said on Saturday.\n\n"
            "The venue, with a capacity of 6,000, was almost full. Witnesses said the attackers fired "
            "automatic weapons into the crowd before a fire broke out in the main hall.\n\n"
            "The Southern Front claimed responsibility on a Telegram channel, but the claim has not been "
            "verified. A separatist movement, the Free Steppe Council, denied any involvement in the attack."
        ),
        gold=dict(
            category="violent_attack",
            killed=dict(value=62, qualifier="exact"),
            injured=dict(value=100, qualifier="more_than"),
        ),
    ),
    dict(
        id="h07",
        event_id="h-almaty-concert-hall-attack",
        published="2025-11-22",
        published_at="2025-11-22T10:05:00+00:00",
        outlet="Caspian Observer",
        title="Over 200 wounded in Almaty concert attack, says hospital chief",
        text=(
            "ALMATY - More than 200 people were wounded in Friday night's attack on the Arman Concert Hall, the "
            "head of the city's emergency hospital said on Saturday, a far higher figure than the government "
            "has given. The health ministry has put the death toll at 62.\n\n"
            "Related: More than 40 dead in Almaty hall shooting, officials say\n\n"
            "Relatives gathered outside the hospital on Saturday morning looking for news of the missing. "
            "The Southern Front, a little-known group, said on Telegram that it was behind the attack; the "
            "Free Steppe Council denied involvement."
        ),
        gold=dict(
            category="violent_attack",
            killed=dict(value=62, qualifier="exact"),
            injured=dict(value=200, qualifier="more_than"),
        ),
    ),
    # ---- E4: suburb vs city -----------------------------------------------------------------------
    dict(
        id="h08",
        event_id="h-saint-denis-station-stabbing",
        published="2026-02-03",
        published_at="2026-02-03T19:30:00+01:00",
        outlet="Euro Wire",
        title="Knife attack at Paris train station wounds four",
        text=(
            "PARIS, Feb 3 (Euro Wire) - A man armed with a knife wounded four people at a suburban train "
            "station in Paris on Tuesday before police overpowered him, officials said.\n\n"
            "The attack happened at about 5:40 p.m. on a platform of the Stade de France RER station, at the "
            "height of the evening rush hour. Two of the wounded were in serious condition, the Paris police "
            "prefecture said. The suspect, a 31-year-old man, was arrested. His motive was not known."
        ),
        gold=dict(category="violent_attack", killed=None, injured=dict(value=4, qualifier="exact")),
    ),
    dict(
        id="h09",
        event_id="h-saint-denis-station-stabbing",
        published="2026-02-04",
        published_at="2026-02-04T08:00:00+01:00",
        outlet="Le Courrier du Nord",
        title="Saint-Denis: four hurt in station knife attack",
        text=(
            "Four people were injured in a knife attack at the Stade de France RER station in Saint-Denis, "
            "a northern suburb of Paris, on Tuesday evening, prosecutors said on Wednesday.\n\n"
            "A 31-year-old man was arrested at the scene after travellers and station staff helped police "
            "pin him down. Two of the victims, a woman of 45 and a man of 60, underwent surgery overnight. "
            "Prosecutors said the suspect had a history of psychiatric treatment and that anti-terrorism "
            "investigators had not taken up the case."
        ),
        gold=dict(category="violent_attack", killed=None, injured=dict(value=4, qualifier="exact")),
    ),
    # ---- E5: local date vs UTC date ----------------------------------------------------------------
    dict(
        id="h10",
        event_id="h-osaka-warehouse-explosion",
        published="2025-12-05",
        published_at="2025-12-05T04:00:00+09:00",
        outlet="Pacific Rim Wire",
        title="Explosion at Osaka warehouse kills three",
        text=(
            "TOKYO, Dec 4 (PRW) - An explosion at a chemical warehouse in Osaka killed three workers and "
            "injured 11 at 1740 GMT on December 4, the city's fire department said.\n\n"
            "The blast, which happened in the early hours in Japan, blew out windows in the Taisho ward and "
            "sent a column of black smoke over the port area. Firefighters brought the fire under control "
            "after about four hours. The cause was being investigated."
        ),
        gold=dict(
            category="accident",
            killed=dict(value=3, qualifier="exact"),
            injured=dict(value=11, qualifier="exact"),
        ),
    ),
    dict(
        id="h11",
        event_id="h-osaka-warehouse-explosion",
        published="2025-12-05",
        published_at="2025-12-05T18:00:00+09:00",
        outlet="Kansai Shimbun English",
        title="Three dead in Taisho ward warehouse blast",
        text=(
            "OSAKA - Three workers were killed and 11 others injured when a blast ripped through a chemical "
            "warehouse in Osaka's Taisho ward at about 2:40 a.m. on December 5, the Osaka Municipal Fire "
            "Department said.\n\n"
            "The warehouse, operated by Naniwa Logistics, stored solvents and paint thinners. The company "
            "president apologised to residents at a news conference on Friday afternoon. Police are "
            "investigating whether safety rules were broken."
        ),
        gold=dict(
            category="accident",
            killed=dict(value=3, qualifier="exact"),
            injured=dict(value=11, qualifier="exact"),
        ),
    ),
    dict(
        id="h12",
        event_id="h-osaka-warehouse-explosion",
        published="2025-12-06",
        published_at="2025-12-06T10:00:00+09:00",
        outlet="Japan Today Wire",
        title="Osaka blast: police search logistics firm",
        text=(
            "Police on Saturday searched the offices of Naniwa Logistics, the operator of the chemical "
            "warehouse in Osaka where an explosion on Friday killed three workers and injured 11.\n\n"
            "Investigators suspect that vapour from solvent drums was ignited by a forklift, a police source "
            "said. The blast in Taisho ward happened at about 2:40 a.m. on Friday."
        ),
        gold=dict(
            category="accident",
            killed=dict(value=3, qualifier="exact"),
            injured=dict(value=11, qualifier="exact"),
        ),
    ),
]
