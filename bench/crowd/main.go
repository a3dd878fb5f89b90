// The bots of a large meeting, held by one Go process: most join with a microphone they keep muted,
// as most people in a meeting of 150 do; some show a camera (a simulcast track, three layers) and a
// few of them speak in turn. Cameras and voices are clips encoded beforehand (bench/crowd-media.ts)
// and sent in a loop, so the bots spend almost no CPU on media. The benchmark starts this process
// with the LiveKit URL, the clips and one token per participant on standard input (JSON), reads one
// line per joined participant, then writes "speak <identity>" lines to give the floor (any other
// identity silences them all), and ends them all by closing standard input.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/livekit/protocol/livekit"
	"github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"
	"github.com/pion/webrtc/v4/pkg/media/ivfreader"
)

type participant struct {
	Identity string `json:"identity"`
	Token    string `json:"token"`
	Camera   bool   `json:"camera"`
	Speaker  bool   `json:"speaker"`
}

type layerFile struct {
	Quality string `json:"quality"`
	Width   uint32 `json:"width"`
	Height  uint32 `json:"height"`
	Bitrate uint32 `json:"bitrate"`
	Path    string `json:"path"`
}

type toneFile struct {
	Path  string `json:"path"`
	Level uint8  `json:"level"`
}

type mediaFiles struct {
	Layers []layerFile `json:"layers"`
	Loud   toneFile    `json:"loud"`
	Quiet  toneFile    `json:"quiet"`
}

type crowd struct {
	URL          string        `json:"url"`
	Concurrency  int           `json:"concurrency"`
	Media        *mediaFiles   `json:"media"`
	Participants []participant `json:"participants"`
}

// clip is an encoded stream held in memory: its frames (or packets) and how long each lasts.
type clip struct {
	frames   [][]byte
	duration time.Duration
}

func readClip(path string) (*clip, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	reader, header, err := ivfreader.NewWith(bufio.NewReader(file))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	loaded := &clip{duration: time.Second * time.Duration(header.TimebaseNumerator) / time.Duration(header.TimebaseDenominator)}
	for {
		frame, _, err := reader.ParseNextFrame()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		loaded.frames = append(loaded.frames, frame)
	}
	if len(loaded.frames) == 0 {
		return nil, fmt.Errorf("%s: no frame", path)
	}
	return loaded, nil
}

type cameraLayer struct {
	layer *livekit.VideoLayer
	clip  *clip
}

type loadedMedia struct {
	layers     []cameraLayer
	loud       *clip
	quiet      *clip
	loudLevel  uint8
	quietLevel uint8
}

var qualities = map[string]livekit.VideoQuality{
	"low":    livekit.VideoQuality_LOW,
	"medium": livekit.VideoQuality_MEDIUM,
	"high":   livekit.VideoQuality_HIGH,
}

func loadMedia(files *mediaFiles) (*loadedMedia, error) {
	loaded := &loadedMedia{loudLevel: files.Loud.Level, quietLevel: files.Quiet.Level}
	for _, file := range files.Layers {
		quality, known := qualities[file.Quality]
		if !known {
			return nil, fmt.Errorf("unknown layer quality %q", file.Quality)
		}
		frames, err := readClip(file.Path)
		if err != nil {
			return nil, err
		}
		layer := &livekit.VideoLayer{Quality: quality, Width: file.Width, Height: file.Height, Bitrate: file.Bitrate}
		loaded.layers = append(loaded.layers, cameraLayer{layer: layer, clip: frames})
	}
	var err error
	if loaded.loud, err = readClip(files.Loud.Path); err != nil {
		return nil, err
	}
	if loaded.quiet, err = readClip(files.Quiet.Path); err != nil {
		return nil, err
	}
	return loaded, nil
}

// loop sends a clip's frames over and over at the clip's pace; the first frame is a key frame,
// and the clip holds one every second, so a viewer switching layers waits at most a second.
type loop struct {
	lksdk.BaseSampleProvider
	clip *clip
	next int
}

func (l *loop) NextSample(context.Context) (media.Sample, error) {
	frame := l.clip.frames[l.next]
	l.next = (l.next + 1) % len(l.clip.frames)
	return media.Sample{Data: frame, Duration: l.clip.duration}, nil
}

// voice sends the loud tone while its participant has the floor and the quiet one otherwise, with
// the matching audio level, from which LiveKit picks the active speakers.
type voice struct {
	lksdk.BaseSampleProvider
	media    *loadedMedia
	speaking *atomic.Bool
	next     int
}

func (v *voice) current() (*clip, uint8) {
	if v.speaking.Load() {
		return v.media.loud, v.media.loudLevel
	}
	return v.media.quiet, v.media.quietLevel
}

func (v *voice) NextSample(context.Context) (media.Sample, error) {
	tone, _ := v.current()
	packet := tone.frames[v.next%len(tone.frames)]
	v.next++
	return media.Sample{Data: packet, Duration: tone.duration}, nil
}

func (v *voice) CurrentAudioLevel() uint8 {
	_, level := v.current()
	return level
}

type member struct {
	room     *lksdk.Room
	speaking *atomic.Bool
}

// publishMicrophone publishes the participant's microphone: a voice for a speaker; for the others,
// an open microphone that sends nothing (camera participants, as in a meeting where those seen are
// heard when they talk) or a muted one (the rest).
func publishMicrophone(room *lksdk.Room, p participant, loaded *loadedMedia) (*atomic.Bool, error) {
	track, err := lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2})
	if err != nil {
		return nil, err
	}
	var speaking *atomic.Bool
	if p.Speaker {
		speaking = new(atomic.Bool)
		if err := track.StartWrite(&voice{media: loaded, speaking: speaking}, nil); err != nil {
			return nil, err
		}
	}
	publication, err := room.LocalParticipant.PublishTrack(track, &lksdk.TrackPublicationOptions{Name: "microphone", Source: livekit.TrackSource_MICROPHONE})
	if err != nil {
		return nil, err
	}
	if !p.Speaker && !p.Camera {
		publication.SetMuted(true)
	}
	return speaking, nil
}

// publishCamera publishes one simulcast camera track, one looping clip per layer; LiveKit pauses
// the layers nobody watches (dynacast), and those cost nothing at all.
func publishCamera(room *lksdk.Room, p participant, loaded *loadedMedia) error {
	var tracks []*lksdk.LocalTrack
	var widest *livekit.VideoLayer
	for _, layer := range loaded.layers {
		track, err := lksdk.NewLocalTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8, ClockRate: 90000}, lksdk.WithSimulcast("camera-"+p.Identity, layer.layer))
		if err != nil {
			return err
		}
		if err := track.StartWrite(&loop{clip: layer.clip}, nil); err != nil {
			return err
		}
		tracks = append(tracks, track)
		if widest == nil || layer.layer.Width > widest.Width {
			widest = layer.layer
		}
	}
	if widest == nil {
		return fmt.Errorf("no camera layer")
	}
	_, err := room.LocalParticipant.PublishSimulcastTrack(tracks, &lksdk.TrackPublicationOptions{
		Name:        "camera",
		Source:      livekit.TrackSource_CAMERA,
		VideoWidth:  int(widest.Width),
		VideoHeight: int(widest.Height),
	})
	return err
}

// join connects one participant without subscribing to anything and publishes its media.
func join(url string, p participant, loaded *loadedMedia) (*member, error) {
	if (p.Camera || p.Speaker) && loaded == nil {
		return nil, fmt.Errorf("a camera or a voice needs the media files")
	}
	room, err := lksdk.ConnectToRoomWithToken(url, p.Token, lksdk.NewRoomCallback(), lksdk.WithAutoSubscribe(false))
	if err != nil {
		return nil, err
	}
	speaking, err := publishMicrophone(room, p, loaded)
	if err == nil && p.Camera {
		err = publishCamera(room, p, loaded)
	}
	if err != nil {
		room.Disconnect()
		return nil, err
	}
	return &member{room: room, speaking: speaking}, nil
}

func main() {
	// The benchmark reads this process's lines; the SDK's own logs would drown them.
	lksdk.SetLogger(logger.GetDiscardLogger())
	var input crowd
	reader := bufio.NewReader(os.Stdin)
	decoder := json.NewDecoder(reader)
	if err := decoder.Decode(&input); err != nil {
		fmt.Printf("error - reading the crowd: %v\n", err)
		os.Exit(2)
	}
	var loaded *loadedMedia
	if input.Media != nil {
		var err error
		if loaded, err = loadMedia(input.Media); err != nil {
			fmt.Printf("error - reading the media: %v\n", err)
			os.Exit(2)
		}
	}
	if input.Concurrency < 1 {
		input.Concurrency = 1
	}
	var (
		output  sync.Mutex
		members = map[string]*member{}
		wait    sync.WaitGroup
	)
	slots := make(chan struct{}, input.Concurrency)
	for _, p := range input.Participants {
		wait.Add(1)
		slots <- struct{}{}
		go func(p participant) {
			defer wait.Done()
			defer func() { <-slots }()
			joined, err := join(input.URL, p, loaded)
			output.Lock()
			defer output.Unlock()
			if err != nil {
				fmt.Printf("error %s %v\n", p.Identity, err)
				return
			}
			members[p.Identity] = joined
			fmt.Printf("joined %s %d\n", p.Identity, len(members))
		}(p)
	}
	wait.Wait()
	fmt.Println("ready")
	// What follows the JSON: the floor given line by line, until standard input closes (the
	// benchmark ending or dying), which ends the crowd.
	lines := bufio.NewScanner(io.MultiReader(decoder.Buffered(), reader))
	for lines.Scan() {
		command, identity, _ := strings.Cut(strings.TrimSpace(lines.Text()), " ")
		if command != "speak" {
			continue
		}
		for name, m := range members {
			if m.speaking != nil {
				m.speaking.Store(name == identity)
			}
		}
	}
	for _, m := range members {
		m.room.Disconnect()
	}
	fmt.Println("left")
}
